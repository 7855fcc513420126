import { AppError } from '../../platform/errors.ts';

/** Wall-clock fields in a time zone. `month` 1–12; `weekday` 1 (Monday) – 7 (Sunday). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export const dateInvalid = (message: string, details?: unknown) =>
  new AppError('DATE_INVALID', { status: 400, userMessage: message, details, retryable: false });

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      throw dateInvalid(`Unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin or UTC.`, { timeZone });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws DATE_INVALID unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall time at instant `utcMs` in `timeZone`. */
export function wallTimeAt(utcMs: number, timeZone: string): WallTime & { weekday: number } {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(utcMs))) parts[p.type] = p.value;
  const yearOfEra = Number(parts.year);
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const wall = {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((utcMs % 1000) + 1000) % 1000,
  };
  const dow = new Date(wallToEpoch(wall)).getUTCDay();
  return { ...wall, weekday: dow === 0 ? 7 : dow };
}

/** The wall time read as if it were UTC (a "floating" epoch); arithmetic on calendar fields uses it. */
export function wallToEpoch(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

export function epochToWall(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** Offset of `timeZone` from UTC at instant `utcMs`, in ms (Berlin in winter: +3 600 000). */
export function offsetAt(utcMs: number, timeZone: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  return wallToEpoch({ ...wallTimeAt(whole, timeZone), millisecond: 0 }) - whole;
}

/**
 * The instant a wall time in `timeZone` names. Like Temporal's `disambiguation: 'compatible'`:
 * a time that occurs twice (clocks go back) is the earlier one; a time skipped by clocks going
 * forward is moved forward by the gap (02:30 on the spring-forward day in Berlin → 03:30 CEST).
 */
export function wallToInstant(w: WallTime, timeZone: string): number {
  const wall = wallToEpoch(w);
  const day = 86_400_000;
  const before = offsetAt(wall - day, timeZone);
  const after = offsetAt(wall + day, timeZone);
  const candidates = [wall - before, wall - after].filter((utc) => utc + offsetAt(utc, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before;
}

/** `2026-03-29T03:30:00.000+02:00`: the instant as local ISO 8601 with the zone's offset. */
export function toLocalIso(utcMs: number, timeZone: string): string {
  const w = wallTimeAt(utcMs, timeZone);
  const off = offsetAt(utcMs, timeZone) / 60_000;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const pad = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(w.millisecond, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An instant from ISO 8601 text or epoch milliseconds. Text without an offset (`2026-03-29 09:00`,
 * `2026-03-29`) is a wall time in `timeZone`.
 */
export function toInstant(value: string | number, timeZone: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw dateInvalid('The date is not a finite number of milliseconds.');
    return value;
  }
  const m = ISO.exec(value.trim());
  if (!m) throw dateInvalid(`"${value}" is not an ISO 8601 date such as 2026-03-29 or 2026-03-29T09:00:00+02:00.`, { value });
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: Number((frac ?? '0').slice(0, 3).padEnd(3, '0')),
  };
  checkWall(wall, value);
  if (!zone) return wallToInstant(wall, timeZone);
  if (zone.toUpperCase() === 'Z') return wallToEpoch(wall);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  return wallToEpoch(wall) - offsetMin * 60_000;
}

/** Throws DATE_INVALID for fields out of range (month 13, 31 April, 24:00…). */
export function checkWall(w: WallTime, source: string): void {
  const roundTrip = epochToWall(wallToEpoch(w));
  const same = roundTrip.year === w.year && roundTrip.month === w.month && roundTrip.day === w.day && roundTrip.hour === w.hour;
  if (!same || w.minute > 59 || w.second > 59) throw dateInvalid(`"${source}" is not a real date or time.`, { value: source });
}
