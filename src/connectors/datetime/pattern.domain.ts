import { checkWall, dateInvalid, offsetAt, type WallTime, wallTimeAt, wallToEpoch, wallToInstant } from './zoned-time.domain.ts';

/**
 * Pattern tokens (Unicode/date-fns style): yyyy yy · MMMM MMM MM M · dd d · EEEE EEE · HH H ·
 * hh h a · mm · ss · SSS · XXX (+01:00) XX (+0100) · 'quoted text'. Month and weekday names
 * are in `locale`.
 */
const TOKEN = /'([^']*)'|yyyy|yy|MMMM|MMM|MM|M|dd|d|EEEE|EEE|HH|H|hh|h|a|mm|ss|SSS|XXX|XX/g;

const pad = (n: number, l = 2) => String(Math.abs(n)).padStart(l, '0');

function offsetText(offsetMs: number, colon: boolean): string {
  const min = Math.round(offsetMs / 60_000);
  const abs = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

function nameOf(w: WallTime, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(wallToEpoch(w)));
}

/** `utcMs` as text in `timeZone` following `pattern`, e.g. `dd.MM.yyyy HH:mm` → `29.03.2026 09:00`. */
export function formatPattern(utcMs: number, pattern: string, timeZone: string, locale = 'en'): string {
  const w = wallTimeAt(utcMs, timeZone);
  return pattern.replace(TOKEN, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal === '' ? "'" : literal;
    switch (token) {
      case 'yyyy':
        return pad(w.year, 4);
      case 'yy':
        return pad(w.year % 100);
      case 'MMMM':
        return nameOf(w, locale, { month: 'long' });
      case 'MMM':
        return nameOf(w, locale, { month: 'short' });
      case 'MM':
        return pad(w.month);
      case 'M':
        return String(w.month);
      case 'dd':
        return pad(w.day);
      case 'd':
        return String(w.day);
      case 'EEEE':
        return nameOf(w, locale, { weekday: 'long' });
      case 'EEE':
        return nameOf(w, locale, { weekday: 'short' });
      case 'HH':
        return pad(w.hour);
      case 'H':
        return String(w.hour);
      case 'hh':
        return pad(w.hour % 12 || 12);
      case 'h':
        return String(w.hour % 12 || 12);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'mm':
        return pad(w.minute);
      case 'ss':
        return pad(w.second);
      case 'SSS':
        return pad(w.millisecond, 3);
      case 'XXX':
        return offsetText(offsetAt(utcMs, timeZone), true);
      default:
        return offsetText(offsetAt(utcMs, timeZone), false);
    }
  });
}

const PARSE_PART: Record<string, string> = {
  yyyy: '(?<year>\\d{4})',
  yy: '(?<yy>\\d{2})',
  MM: '(?<month>\\d{2})',
  M: '(?<month>\\d{1,2})',
  dd: '(?<day>\\d{2})',
  d: '(?<day>\\d{1,2})',
  HH: '(?<hour>\\d{2})',
  H: '(?<hour>\\d{1,2})',
  hh: '(?<hour12>\\d{2})',
  h: '(?<hour12>\\d{1,2})',
  a: '(?<ampm>[AaPp][Mm])',
  mm: '(?<minute>\\d{2})',
  ss: '(?<second>\\d{2})',
  SSS: '(?<ms>\\d{3})',
  XXX: '(?<offset>Z|[+-]\\d{2}:\\d{2})',
  XX: '(?<offset>Z|[+-]\\d{4})',
};

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Text in a numeric pattern (tokens as formatPattern, without month/weekday names) as an
 * instant. Without an offset token the text is a wall time in `timeZone`.
 */
export function parsePattern(text: string, pattern: string, timeZone: string): number {
  let source = '^';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    source += escapeRegex(pattern.slice(last, m.index));
    if (m[1] !== undefined) source += escapeRegex(m[1] || "'");
    else {
      const part = PARSE_PART[m[0]];
      if (!part) throw dateInvalid(`The pattern token "${m[0]}" cannot be parsed; use numbers (MM, dd…).`, { pattern });
      source += part;
    }
    last = m.index + m[0].length;
  }
  source += `${escapeRegex(pattern.slice(last))}$`;
  let groups: Record<string, string | undefined>;
  try {
    const match = new RegExp(source).exec(text.trim());
    if (!match?.groups) throw dateInvalid(`"${text}" does not match the pattern "${pattern}".`, { value: text, pattern });
    groups = match.groups;
  } catch (error) {
    if (error instanceof SyntaxError) throw dateInvalid(`The pattern "${pattern}" uses a field twice.`, { pattern });
    throw error;
  }
  let hour = Number(groups.hour ?? 0);
  if (groups.hour12 !== undefined) hour = (Number(groups.hour12) % 12) + (groups.ampm?.toLowerCase() === 'pm' ? 12 : 0);
  const wall: WallTime = {
    year: groups.year !== undefined ? Number(groups.year) : 2000 + Number(groups.yy ?? 0),
    month: Number(groups.month ?? 1),
    day: Number(groups.day ?? 1),
    hour,
    minute: Number(groups.minute ?? 0),
    second: Number(groups.second ?? 0),
    millisecond: Number(groups.ms ?? 0),
  };
  checkWall(wall, text);
  const offset = groups.offset;
  if (!offset) return wallToInstant(wall, timeZone);
  if (offset === 'Z') return wallToEpoch(wall);
  const digits = offset.slice(1).replace(':', '');
  const minutes = (offset.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  return wallToEpoch(wall) - minutes * 60_000;
}
