import { z } from 'zod';
import { assertTimeZone, toInstant, toLocalIso } from './zoned-time.domain.ts';

export const dateValue = z
  .union([z.string().max(100), z.number()])
  .describe('ISO 8601 text (2026-03-29T09:00:00+02:00; without an offset it is a wall time in the time zone) or epoch milliseconds');

export const timeZone = z.string().min(1).max(64).default('UTC').describe('IANA time zone, e.g. Europe/Berlin');

export const instantOutput = z.object({
  iso: z.string().describe('The instant in UTC, ISO 8601'),
  epochMs: z.number().describe('Milliseconds since 1970-01-01T00:00:00Z'),
  local: z.string().describe('The instant as local ISO 8601 in the time zone, with its offset'),
  timeZone: z.string().describe('The time zone used for local'),
});

export const durationFields = {
  years: z.number().int().min(-10_000).max(10_000).optional().describe('Calendar years'),
  months: z.number().int().min(-120_000).max(120_000).optional().describe('Calendar months (the day is clamped to the month’s end)'),
  weeks: z.number().int().min(-520_000).max(520_000).optional().describe('Calendar weeks'),
  days: z.number().int().min(-3_650_000).max(3_650_000).optional().describe('Calendar days (same wall-clock time, even across DST)'),
  hours: z.number().min(-87_600_000).max(87_600_000).optional().describe('Elapsed hours'),
  minutes: z.number().optional().describe('Elapsed minutes'),
  seconds: z.number().optional().describe('Elapsed seconds'),
  milliseconds: z.number().optional().describe('Elapsed milliseconds'),
};

/** The instant named by a date value, after checking the time zone. */
export function instantOf(value: string | number, zone: string): number {
  assertTimeZone(zone);
  return toInstant(value, zone);
}

export function describeInstant(utcMs: number, zone: string): z.input<typeof instantOutput> {
  return { iso: new Date(utcMs).toISOString(), epochMs: utcMs, local: toLocalIso(utcMs, zone), timeZone: zone };
}
