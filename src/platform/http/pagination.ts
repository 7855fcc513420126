import { z } from 'zod';
import { AppError } from '../errors.ts';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (1–200)'),
  cursor: z.string().max(200).optional().describe('The nextCursor of the previous page'),
};

/** A page of items and the cursor of the next page (null on the last page). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Opaque cursors: base64url JSON, so keysets can hold more than an id. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      status: 400,
      userMessage: 'The cursor is not valid; start again from the first page.',
      details: { issues: [{ in: 'querystring', path: 'cursor', message: 'Invalid cursor' }] },
    });
  }
  return parsed.data;
}
