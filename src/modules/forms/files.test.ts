import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { createPeople, outputOf, type People, parkedTask, runEnded } from '../tasks/testing/tasks-fixture.ts';
import { CHUNK_BYTES } from './files.service.ts';
import { fileCounts, formTriggerNode, multipartFile, publicPost, publishForm, runsOf } from './testing/forms-fixture.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(600, 0x41)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);

const publicFields = [
  { key: 'customer', label: 'Customer', type: 'text', required: true },
  { key: 'invoice', label: 'Invoice', type: 'file', required: true, maxBytes: 2000, accept: ['application/pdf'] },
  { key: 'photo', label: 'Photo', type: 'file', maxBytes: CHUNK_BYTES * 3, accept: ['image/*'] },
];
const check = {
  id: 'check',
  type: 'human.form',
  name: 'Check invoice',
  config: {
    title: 'Check the invoice of {{ data.customer }}',
    assignees: [{ team: 'Finance' }],
    fields: [
      { key: 'approvedAmount', label: 'Amount', type: 'number', required: true, min: 0 },
      { key: 'receipt', label: 'Receipt', type: 'file', required: true, maxBytes: 5000, accept: ['application/pdf'] },
    ],
  },
};

for (const { dialect, skip } of testDialects()) {
  describe(`file uploads of forms and tasks [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    let form: Awaited<ReturnType<typeof publishForm>>;

    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
      form = await publishForm(p, 'Supplier invoices', [formTriggerNode(publicFields), check], [{ from: 'form', to: 'check' }]);
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    const upload = (field: string, name: string, content: Buffer, declared?: string, ip = '192.0.2.50') => {
      const m = multipartFile(name, content, declared);
      return p.app.server.inject({
        method: 'POST',
        url: `/api/v1/forms/public/${form.token}/files?field=${field}`,
        payload: m.payload,
        headers: m.headers,
        remoteAddress: ip,
      });
    };

    it('refuses a file over the field limit with 413 and stores nothing', async () => {
      const before = await fileCounts(p);
      const res = await upload('invoice', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(2000, 0x41)]), 'application/pdf');
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(res.json().error.code, 'FILE_TOO_LARGE');
      assert.deepEqual(await fileCounts(p), before);
      const big = await upload('photo', 'huge.png', Buffer.concat([PNG, Buffer.alloc(CHUNK_BYTES * 3, 2)]));
      assert.equal(big.statusCode, 413, 'also when pieces were already written while it streamed');
      assert.deepEqual(await fileCounts(p), before);
    });

    it('judges the type from the content, not from the name or the declared type', async () => {
      const before = await fileCounts(p);
      const fake = await upload('invoice', 'invoice.pdf', PNG, 'application/pdf');
      assert.equal(fake.statusCode, 415, fake.body);
      assert.equal(fake.json().error.code, 'FILE_TYPE_REFUSED');
      assert.deepEqual(await fileCounts(p), before);
      const renamed = await upload('invoice', 'scan.png', PDF, 'image/png');
      assert.equal(renamed.statusCode, 201, renamed.body);
      assert.equal(renamed.json().contentType, 'application/pdf');
      assert.equal(renamed.json().size, PDF.length);
    });

    it('refuses an upload to a field that is not a file field, or without a file', async () => {
      const text = await upload('customer', 'a.pdf', PDF);
      assert.equal(text.statusCode, 400);
      assert.equal(text.json().error.code, 'FILE_FIELD_INVALID');
      const json = await publicPost(p, `/api/v1/forms/public/${form.token}/files?field=invoice`, { not: 'a file' });
      assert.equal(json.statusCode, 400, json.body);
      assert.equal(json.json().error.code, 'UPLOAD_INVALID');
    });

    it('refuses a submission naming a file that is not an upload to this form', async () => {
      const res = await publicPost(p, `/api/v1/forms/public/${form.token}`, {
        data: {
          customer: 'Mill & Co',
          invoice: { fileId: '0199aaaa-0000-7000-8000-000000000000', name: 'x.pdf', size: 10, contentType: 'application/pdf' },
        },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(res.json().error.details.issues, [{ in: 'body', path: 'data.invoice', message: 'Upload the file again' }]);
      assert.equal((await runsOf(p, form.workflowId)).length, 0);
    });

    it('runs a form trigger into a form step with a file field, end to end through the API', async () => {
      const photo = Buffer.concat([PNG, Buffer.alloc(CHUNK_BYTES + 1000, 7)]);
      const invoice = (await upload('invoice', 'INV-1.pdf', PDF, 'application/pdf')).json();
      const picture = await upload('photo', 'van.png', photo, 'image/png');
      assert.equal(picture.statusCode, 201, picture.body);
      const submitted = await publicPost(p, `/api/v1/forms/public/${form.token}`, {
        data: { customer: 'Mill & Co', invoice, photo: picture.json() },
      });
      assert.equal(submitted.statusCode, 201, submitted.body);
      const [run] = await runsOf(p, form.workflowId);
      assert.ok(run);
      const trigger = (await outputOf(p, run.id, 'form')) as { data: { invoice: unknown }; files: { field: string; fileId: string }[] };
      assert.deepEqual(trigger.data.invoice, invoice);
      assert.deepEqual(
        trigger.files.map((f) => [f.field, f.fileId]),
        [
          ['invoice', invoice.fileId],
          ['photo', picture.json().fileId],
        ],
      );

      // Bob (a builder, who may see runs) downloads the customer's photo, byte for byte across pieces.
      const got = await p.as.bob.request({ method: 'GET', url: `/api/v1/files/${picture.json().fileId}` });
      assert.equal(got.statusCode, 200);
      assert.equal(got.headers['content-type'], 'image/png');
      assert.ok(Buffer.compare(got.rawPayload, photo) === 0);
      const anonymous = await p.app.server.inject({ method: 'GET', url: `/api/v1/files/${picture.json().fileId}` });
      assert.equal(anonymous.statusCode, 401);

      const taskId = await parkedTask(p, run.id, 'check');
      const taskUpload = (who: People['as'][keyof People['as']], field = 'receipt', content = PDF) => {
        const m = multipartFile('receipt.pdf', content, 'application/pdf');
        return who.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/files?field=${field}`, payload: m.payload, headers: m.headers });
      };
      const before = await fileCounts(p);
      const outsider = await taskUpload(p.as.zoe);
      assert.equal(outsider.statusCode, 403, outsider.body);
      const viewer = await taskUpload(p.as.vic);
      assert.equal(viewer.statusCode, 403, viewer.body);
      assert.equal((await taskUpload(p.as.alice, 'approvedAmount')).json().error.code, 'FILE_FIELD_INVALID');
      assert.deepEqual(await fileCounts(p), before, 'refused uploads store nothing');

      const receipt = await taskUpload(p.as.alice);
      assert.equal(receipt.statusCode, 201, receipt.body);
      const zoeReads = await p.as.zoe.request({ method: 'GET', url: `/api/v1/files/${receipt.json().fileId}` });
      assert.equal(zoeReads.statusCode, 403, 'not held by a decision yet: only who may see the task');
      const done = await p.as.alice.request({
        method: 'POST',
        url: `/api/v1/tasks/${taskId}/complete`,
        payload: { data: { approvedAmount: 120.5, receipt: receipt.json() } },
      });
      assert.equal(done.statusCode, 200, done.body);
      const ended = await runEnded(p, run.id);
      assert.equal(ended.status, 'succeeded', ended.error_json ?? '');
      const output = (await outputOf(p, run.id, 'check')) as { data: { receipt: unknown } };
      assert.deepEqual(output.data.receipt, receipt.json());
      const carol = await p.as.carol.request({ method: 'GET', url: `/api/v1/files/${receipt.json().fileId}` });
      assert.equal(carol.statusCode, 200, 'Carol could have decided the task');
      assert.ok(Buffer.compare(carol.rawPayload, PDF) === 0);
    });

    it('sweeps uploads never submitted, and keeps those a submission or decision holds', async () => {
      const stray = (await upload('invoice', 'stray.pdf', PDF, 'application/pdf', '192.0.2.51')).json();
      const kept = await fileCounts(p);
      assert.deepEqual(await p.app.services.files.sweep(), { deleted: 0, attached: 0 }, 'everything is younger than an hour');
      p.app.clock.advance(2 * 60 * 60 * 1000);
      assert.deepEqual(
        await p.app.services.files.sweep(),
        { deleted: 0, attached: 1 },
        'a day has not passed for the form uploads; the receipt of the decided task is now attached',
      );
      p.app.clock.advance(23 * 60 * 60 * 1000);
      const swept = await p.app.services.files.sweep();
      assert.equal(swept.deleted, 2, 'the stray upload and the PDF uploaded as scan.png, never submitted');
      const after = await fileCounts(p);
      assert.equal(after.files, kept.files - 2);
      assert.equal(await handle.db.selectFrom('files').select('id').where('id', '=', stray.fileId).executeTakeFirst(), undefined);
      assert.equal(
        (await handle.db.selectFrom('files').select('id').where('attached_at', 'is', null).execute()).length,
        0,
        'what is left is held by runs',
      );
    });
  });
}
