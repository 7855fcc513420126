import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { describeInstant, instantOf, instantOutput, timeZone } from './datetime.schemas.ts';
import { parsePattern } from './pattern.domain.ts';
import { assertTimeZone } from './zoned-time.domain.ts';

export const parseAction = defineAction({
  key: 'parse',
  title: 'Parse a date',
  description:
    'Reads a date from text: ISO 8601, or a numeric pattern such as dd.MM.yyyy HH:mm. Text without an offset is read in the time zone.',
  input: z.object({
    text: z.string().max(100).describe('The date as text'),
    pattern: z.string().max(200).optional().describe('Numeric pattern (yyyy MM dd HH mm ss SSS hh a XXX); ISO 8601 when empty'),
    timeZone,
  }),
  output: instantOutput,
  async run(input) {
    assertTimeZone(input.timeZone);
    const at = input.pattern ? parsePattern(input.text, input.pattern, input.timeZone) : instantOf(input.text, input.timeZone);
    return describeInstant(at, input.timeZone);
  },
});
