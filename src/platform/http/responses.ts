import { z } from 'zod';

export const errorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
    requestId: z.string(),
  })
  .describe('Error: stable code (docs/errors.md), user message, details');

/** Response schemas for a route: the success shapes plus the standard error shape. */
export function responses<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, '4xx': errorSchema, '5xx': errorSchema };
}

export const noContent = z.null().describe('No content');
