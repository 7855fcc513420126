import ExcelJS from 'exceljs';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { uniqueColumns } from '../csv/csv.domain.ts';
import { defineAction } from '../sdk.ts';
import { cellToJson } from './cell-value.domain.ts';
import { readFileBytes } from './spreadsheet-files.ts';

const invalid = (message: string, details?: unknown) =>
  new AppError('SPREADSHEET_INVALID', { status: 400, userMessage: message, details, retryable: false });

export const readSpreadsheetAction = defineAction({
  key: 'read',
  title: 'Read a spreadsheet',
  description: 'Reads the rows of one sheet of an .xlsx workbook, given as base64 content or as a file under the files folder.',
  input: z
    .object({
      content: z.string().max(70_000_000).optional().describe('The .xlsx file as base64 (e.g. an e-mail attachment)'),
      path: z.string().max(1024).optional().describe('Or: the .xlsx file, relative to the files folder'),
      sheet: z.string().max(100).optional().describe('Sheet name (default: the first sheet)'),
      header: z.boolean().default(true).describe('The first row names the columns (rows become objects)'),
      maxRows: z.number().int().min(1).max(1_000_000).default(10_000).describe('Read at most this many rows'),
    })
    .refine((v) => (v.content === undefined) !== (v.path === undefined), { message: 'Give either content or path', path: ['content'] }),
  output: z.object({
    rows: z.array(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())])).describe('Rows as objects (header on) or arrays'),
    columns: z.array(z.string()).describe('Column names'),
    sheet: z.string().describe('The sheet read'),
    sheets: z.array(z.string()).describe('Every sheet in the workbook'),
    truncated: z.boolean().describe('More rows existed than maxRows'),
  }),
  async run(input, ctx) {
    const bytes = input.path !== undefined ? await readFileBytes(ctx.filesRoot, input.path) : Buffer.from(input.content ?? '', 'base64');
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (error) {
      throw invalid(`The file is not a readable .xlsx workbook: ${(error as Error).message}`);
    }
    const sheets = workbook.worksheets.map((w) => w.name);
    const sheet = input.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(input.sheet);
    if (!sheet)
      throw invalid(
        input.sheet === undefined
          ? 'The workbook has no sheets.'
          : `There is no sheet "${input.sheet}"; the workbook has: ${sheets.join(', ')}.`,
        { sheets },
      );
    const width = sheet.columnCount;
    const lines: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: unknown[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellToJson(row.getCell(c).value));
      lines.push(cells);
    });
    const [head, ...rest] = input.header ? lines : [undefined, ...lines];
    const columns = head
      ? uniqueColumns(head.map((v) => (v === null ? '' : String(v))))
      : Array.from({ length: width }, (_, i) => `column_${i + 1}`);
    const body = rest.slice(0, input.maxRows) as unknown[][];
    const rows = input.header ? body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? null]))) : body;
    return { rows, columns, sheet: sheet.name, sheets, truncated: rest.length > input.maxRows };
  },
});
