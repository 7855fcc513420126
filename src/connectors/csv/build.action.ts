import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { buildCsv } from './csv.domain.ts';

export const buildCsvAction = defineAction({
  key: 'build',
  title: 'Build CSV',
  description: 'Turns rows (objects or arrays) into CSV text.',
  input: z.object({
    rows: z
      .array(z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]))
      .max(1_000_000)
      .describe('Rows: objects (keys become columns) or arrays of cells'),
    columns: z.array(z.string()).optional().describe('Columns to write, in this order (default: every key, in first-seen order)'),
    header: z.boolean().default(true).describe('Write a header line with the column names'),
    delimiter: z.enum([',', ';', '\t', '|']).default(',').describe('Field separator'),
    newline: z.enum(['\n', '\r\n']).default('\r\n').describe('Line ending (CRLF is the CSV standard)'),
    escapeFormulae: z
      .boolean()
      .default(false)
      .describe('Prefix cells starting with = + - @ with a quote, so spreadsheet programs do not run them as formulas'),
  }),
  output: z.object({
    text: z.string().describe('The CSV text'),
    rowCount: z.number().int().describe('Number of data rows written'),
  }),
  async run(input) {
    return { text: buildCsv(input.rows, input), rowCount: input.rows.length };
  },
});
