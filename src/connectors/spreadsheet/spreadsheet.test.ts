import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { runAction } from '../run-action.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import { readSpreadsheetAction } from './read.action.ts';
import { writeSpreadsheetAction } from './write.action.ts';

describe('spreadsheet connector', () => {
  let ctx: TestContext;
  before(() => {
    ctx = createTestContext();
  });
  after(() => ctx.dispose());

  const rows = [
    { sku: 'B-1', name: 'Sourdough', price: 4.5, organic: true, note: null },
    { sku: 'B-2', name: 'Rye, dark', price: 3, organic: false, note: 'weekends' },
  ];

  it('round-trips rows through base64 content', async () => {
    const written = (await runAction(writeSpreadsheetAction, { rows, sheet: 'Bread' }, ctx)) as { content: string; rowCount: number };
    assert.equal(written.rowCount, 2);
    const read = (await runAction(readSpreadsheetAction, { content: written.content }, ctx)) as {
      rows: unknown[];
      columns: string[];
      sheet: string;
    };
    assert.deepEqual(read.rows, rows);
    assert.deepEqual(read.columns, ['sku', 'name', 'price', 'organic', 'note']);
    assert.equal(read.sheet, 'Bread');
  });

  it('saves under the files folder and reads it back by path, without a header as arrays', async () => {
    const out = (await runAction(
      writeSpreadsheetAction,
      {
        rows: [
          ['a', 1],
          ['b', 2],
        ],
        header: false,
        path: 'reports/plain.xlsx',
      },
      ctx,
    )) as { path: string; content: null };
    assert.equal(out.content, null);
    assert.ok(existsSync(path.join(ctx.filesRoot, 'reports/plain.xlsx')));
    const read = (await runAction(readSpreadsheetAction, { path: 'reports/plain.xlsx', header: false }, ctx)) as { rows: unknown[] };
    assert.deepEqual(read.rows, [
      ['a', 1],
      ['b', 2],
    ]);
    await assert.rejects(runAction(writeSpreadsheetAction, { rows: [], path: 'reports/plain.xlsx', overwrite: false }, ctx), {
      code: 'FILE_EXISTS',
    });
    await assert.rejects(runAction(writeSpreadsheetAction, { rows: [], path: '../out.xlsx' }, ctx), { code: 'FILE_PATH_REFUSED' });
  });

  it('reads formulas as their results, dates as ISO text, rich text as text, and a chosen sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('First').addRow(['ignored']);
    const sheet = wb.addWorksheet('Orders');
    sheet.addRow(['qty', 'price', 'total', 'when', 'label']);
    sheet.addRow([
      2,
      3.5,
      { formula: 'A2*B2', result: 7 },
      new Date(Date.UTC(2026, 2, 29, 9)),
      { richText: [{ text: 'Rush ' }, { text: 'order', font: { bold: true } }] },
    ]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const read = (await runAction(readSpreadsheetAction, { content, sheet: 'Orders' }, ctx)) as { rows: unknown[]; sheets: string[] };
    assert.deepEqual(read.rows, [{ qty: 2, price: 3.5, total: 7, when: '2026-03-29T09:00:00.000Z', label: 'Rush order' }]);
    assert.deepEqual(read.sheets, ['First', 'Orders']);
    await assert.rejects(
      runAction(readSpreadsheetAction, { content, sheet: 'Missing' }, ctx),
      (e: { code: string; userMessage: string }) => {
        assert.equal(e.code, 'SPREADSHEET_INVALID');
        assert.match(e.userMessage, /First, Orders/);
        return true;
      },
    );
  });

  it('refuses a file that is not a workbook, and input with both or neither source', async () => {
    await assert.rejects(runAction(readSpreadsheetAction, { content: Buffer.from('not a zip').toString('base64') }, ctx), {
      code: 'SPREADSHEET_INVALID',
    });
    await assert.rejects(runAction(readSpreadsheetAction, {}, ctx), { code: 'STEP_INPUT_INVALID' });
    await assert.rejects(runAction(readSpreadsheetAction, { content: 'x', path: 'y' }, ctx), { code: 'STEP_INPUT_INVALID' });
  });

  it('caps the rows read', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ n: i }));
    const { content } = (await runAction(writeSpreadsheetAction, { rows: many }, ctx)) as { content: string };
    const read = (await runAction(readSpreadsheetAction, { content, maxRows: 10 }, ctx)) as { rows: unknown[]; truncated: boolean };
    assert.equal(read.rows.length, 10);
    assert.equal(read.truncated, true);
  });
});
