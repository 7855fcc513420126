import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDuration, difference, endOf, startOf } from './calendar.domain.ts';
import { formatPattern, parsePattern } from './pattern.domain.ts';
import { offsetAt, toInstant, toLocalIso, wallToInstant } from './zoned-time.domain.ts';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

// In 2026 Berlin moves from CET (+1) to CEST (+2) on 29 March at 02:00, and back on 25 October at 03:00.
describe('time zones across the DST changes in Europe/Berlin', () => {
  it('knows the offset on either side of the change', () => {
    assert.equal(offsetAt(at('2026-03-29T00:59:59Z'), BERLIN), 3_600_000);
    assert.equal(offsetAt(at('2026-03-29T01:00:00Z'), BERLIN), 7_200_000);
    assert.equal(toLocalIso(at('2026-03-29T01:00:00Z'), BERLIN), '2026-03-29T03:00:00.000+02:00');
  });

  it('moves a skipped wall time forward and takes the earlier of a repeated one', () => {
    assert.equal(
      iso(wallToInstant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 }, BERLIN)),
      '2026-03-29T01:30:00.000Z',
    );
    assert.equal(
      iso(wallToInstant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 }, BERLIN)),
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('reads text without an offset as a wall time in the zone, and with one as given', () => {
    assert.equal(iso(toInstant('2026-03-28 09:00', BERLIN)), '2026-03-28T08:00:00.000Z');
    assert.equal(iso(toInstant('2026-03-30T09:00', BERLIN)), '2026-03-30T07:00:00.000Z');
    assert.equal(iso(toInstant('2026-03-30T09:00:00-05:00', BERLIN)), '2026-03-30T14:00:00.000Z');
    assert.throws(() => toInstant('2026-02-30', BERLIN), { code: 'DATE_INVALID' });
    assert.throws(() => toInstant('next tuesday', BERLIN), { code: 'DATE_INVALID' });
    assert.throws(() => toInstant('2026-01-01', 'Mars/Olympus'), { code: 'DATE_INVALID' });
  });

  it('adds a calendar day across spring-forward as 23 hours, keeping 09:00', () => {
    const start = at('2026-03-28T08:00:00Z'); // 09:00 CET
    const next = addDuration(start, { days: 1 }, BERLIN);
    assert.equal(toLocalIso(next, BERLIN), '2026-03-29T09:00:00.000+02:00');
    assert.equal(next - start, 23 * 3_600_000);
    assert.equal(toLocalIso(addDuration(start, { hours: 24 }, BERLIN), BERLIN), '2026-03-29T10:00:00.000+02:00');
  });

  it('adds a calendar day across fall-back as 25 hours, and subtracts back', () => {
    const start = at('2026-10-24T07:00:00Z'); // 09:00 CEST
    const next = addDuration(start, { days: 1 }, BERLIN);
    assert.equal(toLocalIso(next, BERLIN), '2026-10-25T09:00:00.000+01:00');
    assert.equal(next - start, 25 * 3_600_000);
    assert.equal(addDuration(next, { days: -1 }, BERLIN), start);
  });

  it('clamps month ends', () => {
    assert.equal(
      toLocalIso(addDuration(toInstant('2026-01-31T12:00', BERLIN), { months: 1 }, BERLIN), BERLIN),
      '2026-02-28T12:00:00.000+01:00',
    );
    assert.equal(toLocalIso(addDuration(toInstant('2024-02-29', BERLIN), { years: 1 }, BERLIN), BERLIN), '2025-02-28T00:00:00.000+01:00');
  });

  it('counts whole calendar days over a DST change, and exact hours', () => {
    const d = difference(at('2026-03-28T08:00:00Z'), at('2026-03-29T07:00:00Z'), BERLIN);
    assert.equal(d.days, 1);
    assert.equal(d.hours, 23);
    const almost = difference(at('2026-03-28T08:00:00Z'), at('2026-03-29T06:59:59Z'), BERLIN);
    assert.equal(almost.days, 0);
    const back = difference(at('2026-03-29T07:00:00Z'), at('2026-03-28T08:00:00Z'), BERLIN);
    assert.equal(back.days, -1);
    // One month after 31 January is 28 February (clamped), so that is a whole month.
    assert.equal(difference(toInstant('2026-01-31', BERLIN), toInstant('2026-02-28', BERLIN), BERLIN).months, 1);
    assert.equal(difference(toInstant('2026-01-31', BERLIN), toInstant('2026-02-27', BERLIN), BERLIN).months, 0);
    assert.equal(difference(toInstant('2026-01-15', BERLIN), toInstant('2027-03-15', BERLIN), BERLIN).years, 1);
  });

  it('finds the start and end of the DST day, week and month in local time', () => {
    const noon = at('2026-03-29T10:00:00Z');
    assert.equal(toLocalIso(startOf(noon, 'day', BERLIN), BERLIN), '2026-03-29T00:00:00.000+01:00');
    const end = endOf(noon, 'day', BERLIN);
    assert.equal(toLocalIso(end, BERLIN), '2026-03-29T23:59:59.999+02:00');
    assert.equal(end + 1 - startOf(noon, 'day', BERLIN), 23 * 3_600_000);
    assert.equal(toLocalIso(startOf(noon, 'week', BERLIN), BERLIN), '2026-03-23T00:00:00.000+01:00');
    assert.equal(toLocalIso(startOf(noon, 'week', BERLIN, 7), BERLIN), '2026-03-29T00:00:00.000+01:00');
    assert.equal(toLocalIso(endOf(noon, 'month', BERLIN), BERLIN), '2026-03-31T23:59:59.999+02:00');
    assert.equal(toLocalIso(startOf(noon, 'year', BERLIN), BERLIN), '2026-01-01T00:00:00.000+01:00');
  });

  it('formats and parses patterns with names in a locale and offsets', () => {
    const t = at('2026-10-25T01:30:00Z'); // 02:30 CET, after the change
    assert.equal(formatPattern(t, "EEEE d MMMM yyyy 'at' HH:mm XXX", BERLIN, 'de-DE'), 'Sonntag 25 Oktober 2026 at 02:30 +01:00');
    assert.equal(formatPattern(t, 'hh:mm a', 'America/New_York'), '09:30 PM');
    assert.equal(iso(parsePattern('25.10.2026 02:30', 'dd.MM.yyyy HH:mm', BERLIN)), '2026-10-25T00:30:00.000Z');
    assert.equal(iso(parsePattern('10/25/2026 9:30 PM -04:00', 'MM/dd/yyyy h:mm a XXX', BERLIN)), '2026-10-26T01:30:00.000Z');
    assert.throws(() => parsePattern('2026-13-01', 'yyyy-MM-dd', BERLIN), { code: 'DATE_INVALID' });
    assert.throws(() => parsePattern('1.1.2026', 'yyyy-MM-dd', BERLIN), { code: 'DATE_INVALID' });
  });
});
