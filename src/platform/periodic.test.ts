import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createPeriodic } from './periodic.ts';

it('runs rounds one after another until stopped, survives a failed round, and waits for the round in flight on stop', async () => {
  let rounds = 0;
  let inFlight = 0;
  let overlapped = false;
  const errors: unknown[] = [];
  let finished!: () => void;
  const fourRounds = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const periodic = createPeriodic(
    async () => {
      inFlight += 1;
      if (inFlight > 1) overlapped = true;
      await new Promise((r) => setTimeout(r, 3));
      inFlight -= 1;
      rounds += 1;
      if (rounds === 2) throw new Error('round 2 fails');
      if (rounds === 4) finished();
    },
    1,
    (error) => errors.push(error),
  );
  periodic.start();
  periodic.start(); // a second start changes nothing
  await fourRounds;
  await periodic.stop();
  const after = rounds;
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(rounds, after, 'no round after stop');
  assert.equal(inFlight, 0);
  assert.equal(overlapped, false);
  assert.deepEqual(
    errors.map((e) => (e as Error).message),
    ['round 2 fails'],
  );
});
