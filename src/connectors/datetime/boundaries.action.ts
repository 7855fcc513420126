import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { endOf, startOf } from './calendar.domain.ts';
import { dateValue, describeInstant, instantOf, instantOutput, timeZone } from './datetime.schemas.ts';

const input = z.object({
  date: dateValue,
  unit: z.enum(['day', 'week', 'month', 'year']).describe('The period'),
  timeZone,
  weekStartsOn: z.number().int().min(1).max(7).default(1).describe('First day of the week: 1 = Monday … 7 = Sunday'),
});

export const startOfAction = defineAction({
  key: 'start_of',
  title: 'Start of a period',
  description: 'Midnight at the start of the day, week, month or year containing the date, in the time zone.',
  input,
  output: instantOutput,
  async run(i) {
    return describeInstant(startOf(instantOf(i.date, i.timeZone), i.unit, i.timeZone, i.weekStartsOn), i.timeZone);
  },
});

export const endOfAction = defineAction({
  key: 'end_of',
  title: 'End of a period',
  description: 'The last millisecond of the day, week, month or year containing the date, in the time zone.',
  input,
  output: instantOutput,
  async run(i) {
    return describeInstant(endOf(instantOf(i.date, i.timeZone), i.unit, i.timeZone, i.weekStartsOn), i.timeZone);
  },
});
