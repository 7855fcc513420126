import { epochToWall, type WallTime, wallTimeAt, wallToEpoch, wallToInstant } from './zoned-time.domain.ts';

export interface Duration {
  years?: number | undefined;
  months?: number | undefined;
  weeks?: number | undefined;
  days?: number | undefined;
  hours?: number | undefined;
  minutes?: number | undefined;
  seconds?: number | undefined;
  milliseconds?: number | undefined;
}

const DAY = 86_400_000;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Adds whole months to a wall date, clamping the day (31 January + 1 month = 28/29 February). */
function addMonths(w: WallTime, months: number): WallTime {
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { ...w, year, month, day: Math.min(w.day, daysInMonth(year, month)) };
}

/**
 * `utcMs` plus a duration in `timeZone`. Calendar units (years, months, weeks, days) move the
 * wall clock, so "+1 day" from 09:00 is 09:00 the next day even across a DST change (23 or 25
 * hours later); clock units (hours, minutes, seconds, ms) add elapsed time. Calendar units are
 * applied first, largest first.
 */
export function addDuration(utcMs: number, d: Duration, timeZone: string): number {
  let instant = utcMs;
  const months = (d.years ?? 0) * 12 + (d.months ?? 0);
  const days = (d.weeks ?? 0) * 7 + (d.days ?? 0);
  if (months !== 0 || days !== 0) {
    const shifted = addMonths(wallTimeAt(utcMs, timeZone), months);
    instant = wallToInstant(epochToWall(wallToEpoch(shifted) + days * DAY), timeZone);
  }
  return instant + (d.hours ?? 0) * 3_600_000 + (d.minutes ?? 0) * 60_000 + (d.seconds ?? 0) * 1000 + (d.milliseconds ?? 0);
}

export const negate = (d: Duration): Duration =>
  Object.fromEntries(Object.entries(d).map(([k, v]) => [k, typeof v === 'number' ? -v : v])) as Duration;

export interface Difference {
  milliseconds: number;
  seconds: number;
  minutes: number;
  hours: number;
  /** Whole calendar days in the time zone (09:00 to 09:00 the next day is 1 day, even over DST). */
  days: number;
  weeks: number;
  months: number;
  years: number;
}

/**
 * `to − from`. Elapsed units (ms, seconds, minutes, hours) are exact and truncated toward zero;
 * calendar units (days, weeks, months, years) count whole steps of `addDuration` that do not
 * pass `to`. Negative when `to` is earlier.
 */
export function difference(from: number, to: number, timeZone: string): Difference {
  const ms = to - from;
  const sign = ms < 0 ? -1 : 1;
  const fits = (d: Duration) => (sign > 0 ? addDuration(from, d, timeZone) <= to : addDuration(from, d, timeZone) >= to);
  const a = wallTimeAt(from, timeZone);
  const b = wallTimeAt(to, timeZone);
  let days = Math.trunc((wallToEpoch(b) - wallToEpoch(a)) / DAY);
  while (days !== 0 && !fits({ days })) days -= sign;
  while (fits({ days: days + sign })) days += sign;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  while (months !== 0 && !fits({ months })) months -= sign;
  return {
    milliseconds: ms,
    seconds: Math.trunc(ms / 1000),
    minutes: Math.trunc(ms / 60_000),
    hours: Math.trunc(ms / 3_600_000),
    days,
    weeks: Math.trunc(days / 7),
    months,
    years: Math.trunc(months / 12),
  };
}

export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

/** Midnight starting the day/week/month/year containing `utcMs` in `timeZone`. `weekStartsOn`: 1 = Monday … 7 = Sunday. */
export function startOf(utcMs: number, unit: CalendarUnit, timeZone: string, weekStartsOn = 1): number {
  const w = wallTimeAt(utcMs, timeZone);
  let start: WallTime = { ...w, hour: 0, minute: 0, second: 0, millisecond: 0 };
  if (unit === 'week') start = epochToWall(wallToEpoch(start) - ((w.weekday - weekStartsOn + 7) % 7) * DAY);
  if (unit === 'month') start = { ...start, day: 1 };
  if (unit === 'year') start = { ...start, month: 1, day: 1 };
  return wallToInstant(start, timeZone);
}

/** The last millisecond of the day/week/month/year containing `utcMs` (the next one's start − 1 ms). */
export function endOf(utcMs: number, unit: CalendarUnit, timeZone: string, weekStartsOn = 1): number {
  const start = startOf(utcMs, unit, timeZone, weekStartsOn);
  const step: Duration = unit === 'day' ? { days: 1 } : unit === 'week' ? { weeks: 1 } : unit === 'month' ? { months: 1 } : { years: 1 };
  return addDuration(start, step, timeZone) - 1;
}
