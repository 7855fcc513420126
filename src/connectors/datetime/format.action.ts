import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { dateValue, instantOf, timeZone } from './datetime.schemas.ts';
import { formatPattern } from './pattern.domain.ts';
import { dateInvalid } from './zoned-time.domain.ts';

const style = z.enum(['full', 'long', 'medium', 'short']);

export const formatAction = defineAction({
  key: 'format',
  title: 'Format a date',
  description: 'Writes a date as text in a time zone: with a pattern (dd.MM.yyyy HH:mm) or a locale style (Intl).',
  input: z.object({
    date: dateValue,
    timeZone,
    pattern: z
      .string()
      .max(200)
      .optional()
      .describe("Pattern: yyyy MM dd HH mm ss SSS, MMMM/MMM month names, EEEE/EEE weekdays, hh a, XXX offset, 'quoted text'"),
    dateStyle: style.optional().describe('Locale date style (used when there is no pattern)'),
    timeStyle: style.optional().describe('Locale time style (used when there is no pattern)'),
    locale: z.string().max(35).default('en').describe('BCP 47 locale for names and styles, e.g. de-DE'),
  }),
  output: z.object({ text: z.string().describe('The formatted date') }),
  async run(input) {
    const at = instantOf(input.date, input.timeZone);
    let locale: string;
    try {
      locale = Intl.getCanonicalLocales(input.locale)[0] ?? 'en';
    } catch {
      throw dateInvalid(`Unknown locale "${input.locale}"; use a BCP 47 tag such as de-DE.`, { locale: input.locale });
    }
    if (input.pattern) return { text: formatPattern(at, input.pattern, input.timeZone, locale) };
    const styles =
      input.dateStyle || input.timeStyle
        ? { dateStyle: input.dateStyle, timeStyle: input.timeStyle }
        : { dateStyle: 'medium' as const, timeStyle: 'short' as const };
    return { text: new Intl.DateTimeFormat(locale, { ...styles, timeZone: input.timeZone }).format(new Date(at)) };
  },
});
