import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { pollTrigger } from '../run-action.ts';
import { type Dovecot, dovecotUnavailableReason, startDovecot } from '../testing/dovecot.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import { imapCredential } from './imap.credential.ts';
import { messageParts } from './mime-parts.domain.ts';
import { type NewEmailState, newEmailTrigger } from './new-email.trigger.ts';

interface Item {
  dedupeKey: string;
  data: {
    uid: number;
    subject: string;
    from: { address: string }[];
    to: { address: string }[];
    text: string | null;
    html: string | null;
    attachments: { filename: string }[];
    seen: boolean;
  };
}

describe('messageParts', () => {
  it('finds the text and HTML bodies and the attachments of a mixed message', () => {
    const parts = messageParts({
      type: 'multipart/mixed',
      childNodes: [
        {
          type: 'multipart/alternative',
          part: '1',
          childNodes: [
            { type: 'text/plain', part: '1.1' },
            { type: 'text/html', part: '1.2' },
          ],
        },
        { type: 'application/pdf', part: '2', size: 1000, disposition: 'attachment', dispositionParameters: { filename: 'invoice.pdf' } },
        { type: 'text/csv', part: '3', size: 20, disposition: 'attachment', dispositionParameters: { filename: 'lines.csv' } },
      ],
    });
    assert.deepEqual(parts, {
      text: '1.1',
      html: '1.2',
      attachments: [
        { filename: 'invoice.pdf', contentType: 'application/pdf', size: 1000 },
        { filename: 'lines.csv', contentType: 'text/csv', size: 20 },
      ],
    });
    assert.deepEqual(messageParts({ type: 'text/plain' }), { text: '1', html: null, attachments: [] });
  });
});

const unavailable = dovecotUnavailableReason();

describe('imap new_email trigger against a throwaway dovecot', () => {
  let dovecot: Dovecot | undefined;
  let ctx: TestContext;
  let credential: Record<string, unknown>;

  async function deliver(raw: string, folder = 'INBOX'): Promise<void> {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot?.port ?? 0,
      secure: false,
      auth: { user: dovecot?.user ?? '', pass: dovecot?.password ?? '' },
      logger: false,
    });
    await client.connect();
    await client.append(folder, raw);
    await client.logout();
  }

  const message = (n: number) =>
    [
      'From: Ann Customer <ann@customer.example>',
      'To: shop@bakery.example',
      `Subject: Order ${n}`,
      'Date: Sun, 29 Mar 2026 09:00:00 +0200',
      `Message-ID: <order-${n}@customer.example>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: multipart/alternative; boundary="b2"',
      '',
      '--b2',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      `Please send ${n} loaves. Gr=C3=BC=C3=9Fe`,
      '--b2',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>Please send <b>${n}</b> loaves.</p>`,
      '--b2--',
      '--b1',
      'Content-Type: text/csv; name="order.csv"',
      'Content-Disposition: attachment; filename="order.csv"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('sku,qty\nB-1,2\n').toString('base64'),
      '--b1--',
      '',
    ].join('\r\n');

  let skipReason = unavailable;
  before(async () => {
    if (unavailable) return;
    try {
      dovecot = await startDovecot();
    } catch (error) {
      skipReason = `dovecot did not start: ${(error as Error).message}`;
      return;
    }
    credential = { host: '127.0.0.1', port: dovecot.port, secure: false, user: dovecot.user, password: dovecot.password };
    ctx = createTestContext({ credential });
  });
  after(async () => {
    await ctx?.dispose();
    await dovecot?.stop();
  });

  const poll = async (state: unknown, config: Record<string, unknown> = {}) =>
    (await pollTrigger(newEmailTrigger, config, { ...ctx, state })) as { items: Item[]; state: NewEmailState };

  it('starts from the newest message, then returns each new one once, with bodies and attachment names', async (t) => {
    if (!dovecot) return t.skip(skipReason ?? 'dovecot did not start');
    await deliver(message(1));
    const first = await poll(null);
    assert.deepEqual(first.items, [], 'mail already there when the trigger starts is skipped');
    assert.equal(first.state.lastUid, 1);

    await deliver(message(2));
    await deliver(message(3));
    const second = await poll(first.state);
    assert.deepEqual(
      second.items.map((i) => i.data.subject),
      ['Order 2', 'Order 3'],
    );
    const item = second.items[0] as Item;
    assert.equal(item.dedupeKey, `${first.state.uidValidity}:2`);
    assert.equal(item.data.from[0]?.address, 'ann@customer.example');
    assert.equal(item.data.to[0]?.address, 'shop@bakery.example');
    assert.equal(item.data.text?.trim(), 'Please send 2 loaves. Grüße');
    assert.equal(item.data.html?.trim(), '<p>Please send <b>2</b> loaves.</p>');
    assert.deepEqual(
      item.data.attachments.map((a) => a.filename),
      ['order.csv'],
    );
    assert.equal(item.data.seen, false);

    // The same state gives the same items (the engine may poll again after a crash).
    const again = await poll(first.state);
    assert.deepEqual(
      again.items.map((i) => i.dedupeKey),
      second.items.map((i) => i.dedupeKey),
    );
    const quiet = await poll(second.state);
    assert.deepEqual(quiet.items, []);
    assert.deepEqual(quiet.state, second.state);
  });

  it('caps a poll at maxPerPoll, continuing next time, and marks messages seen on request', async (t) => {
    if (!dovecot) return t.skip(skipReason ?? 'dovecot did not start');
    const start = (await poll(null)).state;
    for (const n of [10, 11, 12]) await deliver(message(n));
    const firstBatch = await poll(start, { maxPerPoll: 2, markSeen: true });
    assert.deepEqual(
      firstBatch.items.map((i) => i.data.subject),
      ['Order 10', 'Order 11'],
    );
    const rest = await poll(firstBatch.state, { maxPerPoll: 2 });
    assert.deepEqual(
      rest.items.map((i) => [i.data.subject, i.data.seen]),
      [['Order 12', false]],
    );
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: dovecot.port,
      secure: false,
      auth: { user: dovecot.user, pass: dovecot.password },
      logger: false,
    });
    await client.connect();
    await client.mailboxOpen('INBOX');
    const flags = new Map<number, boolean>();
    for await (const m of client.fetch('1:*', { uid: true, flags: true })) flags.set(m.uid, m.flags?.has('\\Seen') ?? false);
    await client.logout();
    const seenUids = [...flags].filter(([, seen]) => seen).map(([uid]) => uid);
    assert.deepEqual(
      seenUids,
      firstBatch.items.map((i) => i.data.uid),
    );
  });

  it('starts again from the newest message when UIDVALIDITY changes', async (t) => {
    if (!dovecot) return t.skip(skipReason ?? 'dovecot did not start');
    const current = (await poll(null)).state;
    const renumbered = await poll({ uidValidity: '12345', lastUid: 1 });
    assert.deepEqual(renumbered.items, []);
    assert.deepEqual(renumbered.state, current);
    assert.ok(ctx.logs.some((l) => l.level === 'warn' && /renumbered/.test(l.msg)));
  });

  it('reports a wrong password, a missing folder and a closed port with the right codes', async (t) => {
    if (!dovecot) return t.skip(skipReason ?? 'dovecot did not start');
    await imapCredential.test(imapCredential.fields.parse(credential), ctx);
    await assert.rejects(pollTrigger(newEmailTrigger, {}, { ...ctx, credential: { ...credential, password: 'wrong' } }), {
      code: 'CONNECTOR_AUTH_FAILED',
      retryable: false,
    });
    await assert.rejects(poll(null, { folder: 'Nope' }), { code: 'CONNECTOR_FAILED', retryable: false });
    await assert.rejects(pollTrigger(newEmailTrigger, {}, { ...ctx, credential: { ...credential, port: 1 } }), {
      code: 'CONNECTOR_UNREACHABLE',
      retryable: true,
    });
    await assert.rejects(pollTrigger(newEmailTrigger, { maxPerPoll: 0 }, ctx), { code: 'STEP_INPUT_INVALID' });
  });
});
