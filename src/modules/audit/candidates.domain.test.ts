import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankCandidates } from './candidates.domain.ts';
import { EventLogBuilder } from './event-log.domain.ts';
import { analyseLog } from './log-analysis.domain.ts';

const T0 = Date.parse('2026-01-05T08:00:00Z');
const H = 3_600_000;

describe('rankCandidates', () => {
  // c1: S (r1) → A (r1, +1 h) → A (r2, +1 h, rework by another person)
  // c2: S (r1) → A (r1, +1 h) → B (r3, +2 h)
  const b = new EventLogBuilder();
  b.add('c1', 'S', T0, 'r1');
  b.add('c1', 'A', T0 + H, 'r1');
  b.add('c1', 'A', T0 + 2 * H, 'r2');
  b.add('c2', 'S', T0, 'r1');
  b.add('c2', 'A', T0 + H, 'r1');
  b.add('c2', 'B', T0 + 3 * H, 'r3');
  const log = b.build();
  const ranked = rankCandidates(log, analyseLog(log));
  const byName = Object.fromEntries(ranked.map((c) => [c.activity, c]));

  it('measures each activity (hand-computed)', () => {
    const a = byName.A;
    assert.ok(a);
    assert.equal(a.events, 3);
    assert.equal(a.totalTimeSeconds, 3 * 3600);
    assert.equal(a.medianWaitSeconds, 3600);
    assert.equal(a.reworkRate, 0.5);
    assert.equal(a.handoverRate, 1 / 3);
    assert.equal(a.resources, 2);
    assert.equal(a.regularity, 1, 'every gap is one hour');
    assert.equal(byName.S?.medianWaitSeconds, null, 'a case’s first event has no time before it');
    assert.equal(byName.B?.handoverRate, 1);
  });

  it('scores by the documented weights over min–max scaled factors, best first', () => {
    // A: 25·1 + 20·1 + 15·0.5 + 15·1 + 10·(1/3) + 5·1 + 10·1; B: 20·(2/3) + 15·1 + 10·1 + 10·1; S: 25·0.5
    assert.deepEqual(
      ranked.map((c) => c.activity),
      ['A', 'B', 'S'],
    );
    assert.ok(Math.abs((byName.A?.score ?? 0) - (25 + 20 + 7.5 + 15 + 10 / 3 + 5 + 10)) < 1e-9);
    assert.ok(Math.abs((byName.B?.score ?? 0) - (40 / 3 + 15 + 10 + 10)) < 1e-9);
    assert.ok(Math.abs((byName.S?.score ?? 0) - 12.5) < 1e-9);
    assert.ok(Math.abs((byName.A?.contributions.waitBefore ?? 0) - 7.5) < 1e-9);
  });

  it('gives volumetry for an idea: cases a week over the log’s range (at least a day), median minutes', () => {
    // The log spans 3 hours: counted as one day = 1/7 week.
    assert.ok(Math.abs((byName.A?.casesPerWeek ?? 0) - 2 * 7) < 1e-9);
    assert.equal(byName.A?.medianMinutes, 60);
  });
});
