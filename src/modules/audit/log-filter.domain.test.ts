import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditStats } from './audit-stats.domain.ts';
import { EventLogBuilder } from './event-log.domain.ts';
import { analyseLog } from './log-analysis.domain.ts';
import { filterCases, selectCases } from './log-filter.domain.ts';

const H = 3_600_000;

/** Cases: 1 = a,b (0–1 h), 2 = a,c (2–5 h), 3 = a,b (10–10.5 h), 4 = b (20 h). */
function log() {
  const b = new EventLogBuilder();
  b.add('1', 'a', 0, 'ann');
  b.add('1', 'b', 1 * H, 'bob');
  b.add('2', 'a', 2 * H, 'ann');
  b.add('2', 'c', 5 * H, null, 4 * H);
  b.add('3', 'a', 10 * H, 'ann');
  b.add('3', 'b', 10.5 * H, 'ann');
  b.add('4', 'b', 20 * H, 'bob');
  return b.build();
}

const kept = (filter: Parameters<typeof selectCases>[2]) => {
  const l = log();
  const mask = selectCases(l, analyseLog(l), filter);
  return l.caseIds.filter((_, c) => mask[c] === 1);
};

describe('selectCases', () => {
  it('keeps every case for an empty filter', () => {
    assert.deepEqual(kept({}), ['1', '2', '3', '4']);
  });

  it('filters by time range: contained, intersecting, started', () => {
    assert.deepEqual(kept({ timeRange: { from: 0, to: 4 * H, mode: 'contained' } }), ['1']);
    assert.deepEqual(kept({ timeRange: { from: 0, to: 4 * H, mode: 'intersecting' } }), ['1', '2']);
    assert.deepEqual(kept({ timeRange: { from: 1 * H, to: 10 * H, mode: 'started' } }), ['2', '3']);
  });

  it('filters by variant, activity and duration, all criteria together', () => {
    // Variants by count: ⟨a,b⟩ ×2 (index 0), then ⟨a,c⟩, ⟨b⟩.
    assert.deepEqual(kept({ variants: [0] }), ['1', '3']);
    assert.deepEqual(kept({ withActivities: ['c', 'nope'] }), ['2']);
    assert.deepEqual(kept({ withoutActivities: ['a'] }), ['4']);
    assert.deepEqual(kept({ duration: { min: 1800, max: 3600 } }), ['1', '3']);
    assert.deepEqual(kept({ variants: [0], duration: { max: 1800 } }), ['3']);
  });
});

describe('filterCases', () => {
  it('builds the sub-log of the kept cases, which mines like any log', () => {
    const l = log();
    const sub = filterCases(
      l,
      selectCases(l, analyseLog(l), { withActivities: ['c', 'b'], timeRange: { from: 0, to: 12 * H, mode: 'started' } }),
    );
    assert.deepEqual(sub.caseIds, ['1', '2', '3']);
    assert.deepEqual(Array.from(sub.caseStart), [0, 2, 4, 6]);
    assert.deepEqual(Array.from(sub.startTime ?? []), [Number.NaN, Number.NaN, Number.NaN, 4 * H, Number.NaN, Number.NaN]);
    const stats = auditStats(sub, analyseLog(sub));
    assert.equal(stats.num_events, 6);
    assert.equal(stats.num_activities, 3);
    const none = filterCases(l, selectCases(l, analyseLog(l), { withActivities: ['b'], withoutActivities: ['a'] }));
    const only = auditStats(none, analyseLog(none));
    assert.deepEqual([only.num_activities, only.activities], [1, { b: 1 }]);
  });
});
