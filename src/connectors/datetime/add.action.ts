import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { addDuration, negate } from './calendar.domain.ts';
import { dateValue, describeInstant, durationFields, instantOf, instantOutput, timeZone } from './datetime.schemas.ts';

const input = z.object({ date: dateValue, timeZone, ...durationFields });

function shift(sign: 1 | -1) {
  return async (value: z.output<typeof input>) => {
    const { date, timeZone: zone, ...duration } = value;
    const at = instantOf(date, zone);
    return describeInstant(addDuration(at, sign > 0 ? duration : negate(duration), zone), zone);
  };
}

export const addAction = defineAction({
  key: 'add',
  title: 'Add to a date',
  description:
    'Adds a duration. Days, weeks, months and years keep the wall-clock time in the time zone (DST-safe); hours and smaller add elapsed time.',
  input,
  output: instantOutput,
  run: shift(1),
});

export const subtractAction = defineAction({
  key: 'subtract',
  title: 'Subtract from a date',
  description: 'Subtracts a duration, with the same rules as Add.',
  input,
  output: instantOutput,
  run: shift(-1),
});
