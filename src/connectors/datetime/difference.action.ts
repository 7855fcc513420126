import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { difference } from './calendar.domain.ts';
import { dateValue, instantOf, timeZone } from './datetime.schemas.ts';

const whole = (what: string) => z.number().describe(what);

export const differenceAction = defineAction({
  key: 'difference',
  title: 'Difference between dates',
  description: 'to − from, in elapsed units and in whole calendar units of the time zone (negative when to is earlier).',
  input: z.object({
    from: dateValue.describe('The start'),
    to: dateValue.describe('The end'),
    timeZone,
  }),
  output: z.object({
    milliseconds: whole('Elapsed milliseconds'),
    seconds: whole('Whole elapsed seconds'),
    minutes: whole('Whole elapsed minutes'),
    hours: whole('Whole elapsed hours'),
    days: whole('Whole calendar days'),
    weeks: whole('Whole calendar weeks'),
    months: whole('Whole calendar months'),
    years: whole('Whole calendar years'),
  }),
  async run(input) {
    return difference(instantOf(input.from, input.timeZone), instantOf(input.to, input.timeZone), input.timeZone);
  },
});
