/**
 * Timestamp formats of event logs and their parsers, written for speed (millions of values):
 * no regular expressions, no `Date` objects per value.
 *
 * - `iso`: `YYYY-MM-DD`, optionally `T` or a space and `HH:mm`, `:ss`, `.fraction`, then
 *   optionally `Z` or an offset `±HH`, `±HHMM`, `±HH:MM` (`/` is accepted as date separator).
 * - `dmy` / `mdy`: `DD/MM/YYYY` / `MM/DD/YYYY` (separator `/`, `-` or `.`), optionally a time
 *   `HH:mm`, `:ss`, `.fraction`, and an offset as above.
 * - `epoch_s` / `epoch_ms`: seconds / milliseconds since 1970-01-01T00:00:00Z (decimals allowed).
 *
 * A timestamp with an offset is converted to UTC honouring it. One without (a "naive"
 * timestamp) is read in the given IANA time zone (default UTC, as PM4Py does).
 */
export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'epoch_s' | 'epoch_ms';

export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'dmy', 'mdy', 'epoch_s', 'epoch_ms'];

/**
 * Reads a `--date-format` value: a format name, or a pattern such as `DD/MM/YYYY HH:mm:ss`
 * (`DD…` → dmy, `MM…` → mdy, `YYYY…` → iso, `epoch`/`epoch_ms`). Null when not understood.
 */
export function parseDateFormat(text: string): DateFormat | null {
  const t = text.trim();
  const lower = t.toLowerCase().replace('-', '_');
  if ((DATE_FORMATS as readonly string[]).includes(lower)) return lower as DateFormat;
  if (lower === 'epoch' || lower === 'unix') return 'epoch_s';
  if (/^DD[/.-]MM[/.-]YYYY/.test(t)) return 'dmy';
  if (/^MM[/.-]DD[/.-]YYYY/.test(t)) return 'mdy';
  if (/^YYYY[/-]MM[/-]DD/.test(t)) return 'iso';
  return null;
}

/** Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/** Converts a naive wall-clock time (as if UTC, ms) to UTC ms. */
export type NaiveToUtc = (wallClockMs: number) => number;

/** Reads `n` ASCII digits at `i`; -1 if any is not a digit. */
function digits(s: string, i: number, n: number): number {
  if (i + n > s.length) return -1;
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Reads 1 or 2 digits at `i`: [value, next index], or null. */
function oneOrTwo(s: string, i: number): [number, number] | null {
  const a = digits(s, i, 1);
  if (a < 0) return null;
  const b = digits(s, i + 1, 1);
  return b < 0 ? [a, i + 1] : [a * 10 + b, i + 2];
}

/**
 * Parses the time and offset part starting at `i` (a `T` or a space, or the end) onto the date
 * (`days` since the epoch). NaN when malformed or out of range.
 */
function timeAndOffset(s: string, i: number, days: number, naive: NaiveToUtc): number {
  const n = s.length;
  let ms = 0;
  if (i < n && (s[i] === 'T' || s[i] === ' ') && i + 1 < n && s[i + 1] !== '+' && s[i + 1] !== '-') {
    const hour = oneOrTwo(s, i + 1);
    if (!hour || s[hour[1]] !== ':') return Number.NaN;
    const minute = digits(s, hour[1] + 1, 2);
    if (hour[0] > 23 || minute < 0 || minute > 59) return Number.NaN;
    ms = hour[0] * 3_600_000 + minute * 60_000;
    i = hour[1] + 3;
    if (s[i] === ':') {
      const second = digits(s, i + 1, 2);
      if (second < 0 || second > 59) return Number.NaN;
      ms += second * 1000;
      i += 3;
      if (s[i] === '.' || s[i] === ',') {
        let scale = 100;
        let fraction = 0;
        let k = i + 1;
        for (; k < n; k++) {
          const c = s.charCodeAt(k) - 48;
          if (c < 0 || c > 9) break;
          fraction += c * scale;
          scale /= 10;
        }
        if (k === i + 1) return Number.NaN;
        ms += fraction;
        i = k;
      }
    }
  }
  if (i < n && s[i] === ' ') i += 1;
  const local = days * 86_400_000 + ms;
  if (i === n) return naive(local);
  if (s[i] === 'Z' || s[i] === 'z') return i + 1 === n ? local : Number.NaN;
  const sign = s[i] === '+' ? 1 : s[i] === '-' ? -1 : 0;
  if (sign === 0) return Number.NaN;
  const oh = digits(s, i + 1, 2);
  if (oh < 0 || oh > 23) return Number.NaN;
  let j = i + 3;
  let om = 0;
  if (j < n) {
    if (s[j] === ':') j += 1;
    om = digits(s, j, 2);
    if (om < 0 || om > 59 || j + 2 !== n) return Number.NaN;
  }
  return local - sign * (oh * 3_600_000 + om * 60_000);
}

function parseIso(s: string, naive: NaiveToUtc): number {
  const y = digits(s, 0, 4);
  const sep = s[4];
  if (y < 0 || (sep !== '-' && sep !== '/') || s[7] !== sep) return Number.NaN;
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return timeAndOffset(s, 10, daysFromCivil(y, m, d), naive);
}

function parseDayMonth(s: string, naive: NaiveToUtc, dayFirst: boolean): number {
  const first = oneOrTwo(s, 0);
  if (!first) return Number.NaN;
  const sep = s[first[1]];
  if (sep !== '/' && sep !== '-' && sep !== '.') return Number.NaN;
  const second = oneOrTwo(s, first[1] + 1);
  if (!second || s[second[1]] !== sep) return Number.NaN;
  const y = digits(s, second[1] + 1, 4);
  const [d, m] = dayFirst ? [first[0], second[0]] : [second[0], first[0]];
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return timeAndOffset(s, second[1] + 5, daysFromCivil(y, m, d), naive);
}

function parseEpoch(s: string, scale: number): number {
  if (s.length === 0) return Number.NaN;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (c === 46 && k > 0) || (c === 45 && k === 0))) return Number.NaN;
  }
  const v = Number(s) * scale;
  return Number.isFinite(v) ? v : Number.NaN;
}

/**
 * A naive-time converter for an IANA zone (`UTC` → identity). The zone's UTC offset is looked up
 * with `Intl` once per quarter hour of time and cached; a wall-clock time that does not exist
 * (the hour skipped when clocks go forward) moves forward by the gap, an ambiguous one (the hour
 * repeated when clocks go back) takes the first (daylight-time) instant. Throws RangeError for an
 * unknown zone.
 */
export function naiveToUtc(zone: string): NaiveToUtc {
  if (zone.toUpperCase() === 'UTC' || zone === 'Etc/UTC') return (local) => local;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const cache = new Map<number, number>();
  const offsetAt = (utc: number): number => {
    const bucket = Math.floor(utc / 900_000);
    let offset = cache.get(bucket);
    if (offset === undefined) {
      const at = bucket * 900_000;
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      const wall = daysFromCivil(p.year as number, p.month as number, p.day as number) * 86_400_000 + (p.hour as number) * 3_600_000;
      offset = wall + (p.minute as number) * 60_000 + (p.second as number) * 1000 - at;
      cache.set(bucket, offset);
    }
    return offset;
  };
  return (local) => {
    const before = offsetAt(local - 86_400_000);
    const after = offsetAt(local + 86_400_000);
    if (before === after) return local - before;
    // Near a change: the earliest instant that shows this wall-clock time (ambiguous hour → the
    // first); none (skipped hour) → shifted forward by the gap.
    const first = local - before;
    const second = local - after;
    const fits = (utc: number) => utc + offsetAt(utc) === local;
    const candidates = [first, second].filter(fits);
    return candidates.length > 0 ? Math.min(...candidates) : first;
  };
}

/** A parser for one format: text → UTC milliseconds, NaN when the text does not fit. */
export function timestampParser(format: DateFormat, zone = 'UTC'): (text: string) => number {
  const naive = naiveToUtc(zone);
  switch (format) {
    case 'iso':
      return (s) => parseIso(s.trim(), naive);
    case 'dmy':
      return (s) => parseDayMonth(s.trim(), naive, true);
    case 'mdy':
      return (s) => parseDayMonth(s.trim(), naive, false);
    case 'epoch_s':
      return (s) => parseEpoch(s.trim(), 1000);
    case 'epoch_ms':
      return (s) => parseEpoch(s.trim(), 1);
  }
}

/**
 * Guesses the format of sample values (empty ones ignored): the format that reads the most of
 * them (so one bad value does not hide the format; the import then reports that value). ISO wins
 * ties; day/month/year is day first unless more values read month first; `ambiguous` when both
 * read the same values (no number above 12 decides). Epoch values are milliseconds when any is
 * ≥ 10¹¹ (after 1973 in ms). Null when no format reads any sample.
 */
export function detectDateFormat(samples: readonly string[]): { format: DateFormat; ambiguous: boolean } | null {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0);
  const utc = (x: number) => x;
  const count = (fits: (v: string) => boolean) => values.reduce((n, v) => n + (fits(v) ? 1 : 0), 0);
  const iso = count((v) => !Number.isNaN(parseIso(v, utc)));
  const dmy = count((v) => !Number.isNaN(parseDayMonth(v, utc, true)));
  const mdy = count((v) => !Number.isNaN(parseDayMonth(v, utc, false)));
  const epoch = count((v) => !Number.isNaN(parseEpoch(v, 1)));
  const best = Math.max(iso, dmy, mdy, epoch);
  if (best === 0) return null;
  if (iso === best) return { format: 'iso', ambiguous: false };
  if (dmy === best || mdy === best) return { format: dmy >= mdy ? 'dmy' : 'mdy', ambiguous: dmy === mdy };
  return { format: values.some((v) => Math.abs(Number(v)) >= 1e11) ? 'epoch_ms' : 'epoch_s', ambiguous: false };
}
