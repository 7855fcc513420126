import ExcelJS from 'exceljs';
import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { jsonToCell } from './cell-value.domain.ts';
import { saveFileBytes } from './spreadsheet-files.ts';

export const writeSpreadsheetAction = defineAction({
  key: 'write',
  title: 'Write a spreadsheet',
  description: 'Writes rows to a new .xlsx workbook: returned as base64, or saved under the files folder.',
  input: z.object({
    rows: z
      .array(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]))
      .max(1_000_000)
      .describe('Rows: objects (keys become columns) or arrays of cells'),
    columns: z.array(z.string()).optional().describe('Columns to write, in this order (default: every key, in first-seen order)'),
    sheet: z.string().min(1).max(31).default('Sheet1').describe('Sheet name (at most 31 characters)'),
    header: z.boolean().default(true).describe('Write a bold header row with the column names'),
    path: z
      .string()
      .max(1024)
      .optional()
      .describe('Save as this file under the files folder (e.g. reports/march.xlsx); else return base64'),
    overwrite: z.boolean().default(true).describe('Replace the file when it exists'),
  }),
  output: z.object({
    content: z.string().nullable().describe('The workbook as base64 (null when saved to a file)'),
    path: z.string().nullable().describe('The file written (null when returned as content)'),
    rowCount: z.number().int().describe('Data rows written'),
    size: z.number().int().describe('Size of the workbook in bytes'),
  }),
  async run(input, ctx) {
    let columns = input.columns;
    if (!columns) {
      const keys = new Set<string>();
      for (const r of input.rows) if (!Array.isArray(r)) for (const k of Object.keys(r)) keys.add(k);
      columns = [...keys];
    }
    const workbook = new ExcelJS.Workbook();
    workbook.created = ctx.now();
    const sheet = workbook.addWorksheet(input.sheet);
    if (input.header && columns.length > 0) {
      sheet.addRow(columns).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    for (const r of input.rows) {
      sheet.addRow(Array.isArray(r) ? r.map(jsonToCell) : (columns ?? []).map((c) => jsonToCell(r[c])));
    }
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    if (input.path === undefined) return { content: data.toString('base64'), path: null, rowCount: input.rows.length, size: data.length };
    await saveFileBytes(ctx.filesRoot, input.path, data, input.overwrite);
    return { content: null, path: input.path, rowCount: input.rows.length, size: data.length };
  },
});
