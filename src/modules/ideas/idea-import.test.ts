import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { createTestDatabase, testDialects } from '../../platform/db/testing/test-database.ts';
import { cliActor } from '../../platform/permissions/actor.ts';
import { createPeople, type People } from '../tasks/testing/tasks-fixture.ts';
import { parseImportRow } from './idea-csv.domain.ts';
import { ideaState } from './testing/ideas-fixture.ts';

const HEADER =
  'name,description,category,team,submitter,pain_points,applications,frequency_period,frequency_count,minutes_per_case,rules,digital,structured,change,documentation';

describe('parseImportRow', () => {
  it('names every wrong field of a row with its line', () => {
    const r = parseImportRow(
      {
        name: 'Ok name',
        description: 'd',
        category: '',
        frequency_period: 'year',
        frequency_count: '-1',
        minutes_per_case: '5',
        rules: '9',
        digital: '1',
        structured: '1',
        change: '1',
        documentation: '1',
      },
      7,
    );
    assert.ok('errors' in r);
    if ('errors' in r)
      assert.deepEqual(
        r.errors.map((e) => `${e.line}:${e.field}`),
        ['7:category', '7:frequency_period', '7:frequency_count', '7:rules'],
      );
  });
});

for (const { dialect, skip } of testDialects()) {
  describe(`ideas import and export [${dialect}]`, { skip: skip || undefined }, () => {
    let handle: DatabaseHandle;
    let p: People;
    before(async () => {
      handle = await createTestDatabase(dialect);
      p = await createPeople(handle);
    });
    after(async () => {
      await p?.app.close();
      await handle?.close();
    });

    it('imports nothing when one row is wrong, and says which line and field', async () => {
      const before = await ideaState(p);
      const csv = [
        HEADER,
        'Scan receipts,Receipts are typed,Finance,Finance,alice@bakery.example,,Excel;Mail,day,4,3,4,2,3,1,2',
        'Bad one,x,Nowhere,,,,,week,2,5,1,1,1,1,1',
        'Worse,x,Nowhere,,,,,year,-1,5,1,1,1,1,1',
      ].join('\n');
      await assert.rejects(
        p.app.services.ideaImport.importCsv(cliActor('test'), csv),
        (error: { code: string; details: { errors: { line: number; field: string }[] } }) => {
          assert.equal(error.code, 'IDEA_IMPORT_INVALID');
          assert.deepEqual(
            error.details.errors.map((e) => `${e.line}:${e.field}`),
            ['3:category', '4:category', '4:frequency_count', '4:frequency_period'],
          );
          return true;
        },
      );
      assert.deepEqual(await ideaState(p), before);
    });

    it('imports every row in one go and exports them again as CSV', async () => {
      const csv = [
        HEADER,
        'Scan receipts,Receipts are typed,Finance,Finance,alice@bakery.example,,Excel;Mail,day,4,3,4,2,3,1,2',
        '"Order, confirm",Orders by phone,Sales & orders,,,,,week,2,5,1,1,1,5,1',
      ].join('\n');
      const steps: string[] = [];
      const result = await p.app.services.ideaImport.importCsv(cliActor('test'), csv, (phase, done) => steps.push(`${phase}${done}`));
      assert.equal(result.imported, 2);
      assert.deepEqual(steps, ['check1', 'check2', 'write1', 'write2']);
      const idea = await p.app.services.ideas.get(cliActor('test'), result.ids[0] ?? '');
      assert.deepEqual([idea.submitter?.name, idea.team?.name, idea.applications], ['alice', 'Finance', ['Excel', 'Mail']]);
      let out = '';
      const count = await p.app.services.ideaImport.exportCsv(cliActor('test'), (c) => {
        out += c;
      });
      assert.equal(count, 2);
      assert.match(out, /"Order, confirm",Orders by phone,Sales & orders/);
      // The submitter column carries the e-mail an import needs, so an export imports again.
      assert.match(out, /Scan receipts,Receipts are typed,Finance,Finance,alice@bakery\.example,/);
      assert.match(out.split('\r\n')[0] ?? '', /^id,name,description,category/);
    });
  });
}
