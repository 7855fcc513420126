import { z } from 'zod';
import { defineAction } from '../sdk.ts';
import { describeInstant, instantOutput, timeZone } from './datetime.schemas.ts';
import { assertTimeZone } from './zoned-time.domain.ts';

export const nowAction = defineAction({
  key: 'now',
  title: 'Now',
  description: 'The current date and time, in UTC and in a time zone.',
  input: z.object({ timeZone }),
  output: instantOutput,
  async run(input, ctx) {
    assertTimeZone(input.timeZone);
    return describeInstant(ctx.now().getTime(), input.timeZone);
  },
});
