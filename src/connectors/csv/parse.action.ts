import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { parseCsv } from './csv.domain.ts';

export const parseCsvAction = defineAction({
  key: 'parse',
  title: 'Parse CSV',
  description: 'Turns CSV text into rows. Errors name the line that is wrong.',
  input: z.object({
    text: z.string().max(50_000_000).describe('The CSV text'),
    header: z.boolean().default(true).describe('The first line names the columns (rows become objects)'),
    delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto').describe('Field separator; auto detects , ; tab or |'),
    skipEmptyLines: z.boolean().default(true).describe('Ignore empty lines'),
    typed: z.boolean().default(false).describe('Turn numbers and true/false into numbers and booleans, empty cells into null'),
    strict: z.boolean().default(true).describe('Fail on a row with more or fewer fields than the header'),
  }),
  output: z.object({
    rows: z
      .array(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]))
      .describe('One object per line (header on) or one array per line (header off)'),
    columns: z.array(z.string()).describe('Column names (column_1… without a header)'),
    rowCount: z.number().int().describe('Number of rows'),
    delimiter: z.string().describe('The delimiter used'),
  }),
  async run(input) {
    const parsed = parseCsv(input.text, input);
    return { ...parsed, rowCount: parsed.rows.length };
  },
});
