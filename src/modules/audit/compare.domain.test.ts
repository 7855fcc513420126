import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareProcesses, processFigures } from './compare.domain.ts';
import { EventLogBuilder } from './event-log.domain.ts';

const T0 = Date.parse('2026-01-05T08:00:00Z');
const H = 3_600_000;

describe('before and after', () => {
  // Before: two cases done by people, one with rework. c1: A, B, B over 4 h; c2: A, B over 2 h.
  const b = new EventLogBuilder();
  b.add('c1', 'A', T0, 'ann');
  b.add('c1', 'B', T0 + 3 * H, 'bob');
  b.add('c1', 'B', T0 + 4 * H, 'bob');
  b.add('c2', 'A', T0, 'ann');
  b.add('c2', 'B', T0 + 2 * H, 'bob');
  const before = processFigures(b.build(), { hourlyCost: 60, minutesPerPeopleStep: 6, machine: 'Symbiont' });
  // After: the workflow's runs — the machine does A and B, a person approves; start times known.
  const w = new EventLogBuilder();
  w.add('r1', 'A', T0 + 60_000, 'Symbiont', T0);
  w.add('r1', 'Approve', T0 + H, 'carol', T0 + 60_000 + 30 * 60_000);
  w.add('r1', 'B', T0 + H + 60_000, 'Symbiont', T0 + H);
  const after = processFigures(w.build(), { hourlyCost: 60, minutesPerPeopleStep: 6, machine: 'Symbiont' });

  it('computes throughput, waiting, rework and cost per case (hand-computed)', () => {
    assert.equal(before.cases, 2);
    assert.equal(before.throughputMedianSeconds, 3 * 3600);
    assert.equal(before.waitingMeanSeconds, (4 * 3600 + 2 * 3600) / 2, 'no start times: the whole gap counts');
    assert.equal(before.reworkShare, 0.5);
    assert.equal(before.peopleStepsPerCase, 2.5);
    assert.equal(before.costPerCase, ((2.5 * 6) / 60) * 60);
    assert.equal(after.throughputMedianSeconds, 3600);
    // Start times known: waiting = 30 min before the approval started + 0 before B.
    assert.equal(after.waitingMeanSeconds, 30 * 60);
    assert.equal(after.peopleStepsPerCase, 1);
    assert.equal(after.costPerCase, 6);
  });

  it('gives the change of each figure, null when it cannot be computed', () => {
    const c = compareProcesses(before, after);
    assert.equal(c.change.throughputMedianSeconds, 1 / 3 - 1);
    assert.equal(c.change.costPerCase, 6 / 15 - 1);
    assert.equal(c.change.reworkShare, -1);
    assert.equal(compareProcesses(after, before).change.reworkShare, null, 'from 0 rework there is no ratio');
  });
});
