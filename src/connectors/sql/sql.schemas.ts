import { z } from 'zod';

const param = z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);

export const queryInput = (placeholder: string) =>
  z.object({
    query: z.string().min(1).max(1_000_000).describe(`One SQL statement; parameters as ${placeholder}`),
    params: z.array(param).max(10_000).default([]).describe('Parameter values in order (objects and lists are sent as JSON)'),
    readOnly: z.boolean().default(true).describe('Refuse statements that change data (switch off for INSERT, UPDATE, DELETE)'),
    maxRows: z.number().int().min(1).max(100_000).default(1000).describe('Return at most this many rows'),
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000).describe('Statement timeout, ms'),
  });

export const queryOutput = z.object({
  rows: z.array(z.record(z.string(), z.unknown())).describe('Result rows (dates as ISO text, binary as base64)'),
  columns: z.array(z.string()).describe('Column names of the result'),
  rowCount: z.number().int().describe('Rows returned, or rows changed by a write'),
  truncated: z.boolean().describe('More rows existed than maxRows'),
});

/** A database value as JSON: dates → ISO text, binary → base64, 64-bit integers → number or text. */
export function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value;
}

export function jsonRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = jsonValue(v);
  return out;
}
