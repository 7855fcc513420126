import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditStats } from './audit-stats.domain.ts';
import { EventLogBuilder } from './event-log.domain.ts';
import { analyseLog } from './log-analysis.domain.ts';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const min = (m: number) => T0 + m * 60_000;

/** Builds a log from [case, activity, minute, resource?] rows in file order. */
function logOf(rows: [string, string, number, string?][]) {
  const b = new EventLogBuilder();
  for (const [c, a, m, r] of rows) b.add(c, a, min(m), r ?? null);
  return b.build();
}

describe('EventLogBuilder', () => {
  it('groups events by case in order of first appearance and sorts each case by time', () => {
    const log = logOf([
      ['B', 'x', 5],
      ['A', 'late', 10],
      ['B', 'y', 1],
      ['A', 'early', 0],
    ]);
    assert.deepEqual(log.caseIds, ['B', 'A']);
    assert.deepEqual(Array.from(log.caseStart), [0, 2, 4]);
    assert.deepEqual(
      Array.from(log.activity, (a) => log.activities[a]),
      ['y', 'x', 'early', 'late'],
    );
  });

  it('keeps file order for equal timestamps (stable sort), also when the case is out of order', () => {
    const log = logOf([
      ['A', 'second-at-5', 5],
      ['A', 'first', 0],
      ['A', 'third-at-5', 5],
      ['A', 'fourth-at-5', 5],
    ]);
    assert.deepEqual(
      Array.from(log.activity, (a) => log.activities[a]),
      ['first', 'second-at-5', 'third-at-5', 'fourth-at-5'],
    );
  });

  it('interns activities and resources and marks missing resources with -1', () => {
    const log = logOf([
      ['A', 'x', 0, 'ann'],
      ['A', 'x', 1],
      ['B', 'x', 2, 'ann'],
    ]);
    assert.deepEqual(log.activities, ['x']);
    assert.deepEqual(log.resources, ['ann']);
    assert.deepEqual(Array.from(log.resource), [0, -1, 0]);
    assert.equal(log.startTime, null);
  });

  it('holds a very long case (200,000 events) in order', () => {
    const b = new EventLogBuilder();
    const n = 200_000;
    for (let i = n - 1; i >= 0; i--) b.add('long', i % 2 === 0 ? 'even' : 'odd', T0 + i * 1000, null);
    const log = b.build();
    for (let i = 1; i < n; i++) assert.ok((log.time[i] as number) > (log.time[i - 1] as number));
    const analysis = analyseLog(log);
    assert.equal(analysis.caseDuration?.max, n - 1);
    assert.equal(analysis.variants.length, 1);
    const stats = auditStats(log, analysis);
    assert.deepEqual(stats.dfg, [
      { source: 'even', target: 'odd', count: n / 2 },
      { source: 'odd', target: 'even', count: n / 2 - 1 },
    ]);
    assert.deepEqual(stats.minimum_self_distances, { even: 1, odd: 1 });
  });
});

describe('analyseLog', () => {
  it('computes the DFG, performance values, case durations and arrival rate of a known log', () => {
    const log = logOf([
      ['1', 'a', 0],
      ['1', 'b', 10],
      ['1', 'c', 40],
      ['2', 'a', 60],
      ['2', 'b', 90],
      ['3', 'a', 180],
      ['3', 'c', 185],
    ]);
    const stats = auditStats(log, analyseLog(log));
    assert.deepEqual(stats.dfg, [
      { source: 'a', target: 'b', count: 2 },
      { source: 'a', target: 'c', count: 1 },
      { source: 'b', target: 'c', count: 1 },
    ]);
    // a→b: 600 s and 1800 s: mean 1200, median 1200, sample stdev √((600² + 600²) / 1) = 848.528…
    assert.deepEqual(stats.performance_dfg_seconds[0], {
      source: 'a',
      target: 'b',
      mean: 1200,
      median: 1200,
      max: 1800,
      min: 600,
      sum: 2400,
      stdev: Math.sqrt(720_000),
    });
    assert.equal(stats.performance_dfg_seconds[1]?.stdev, null);
    assert.deepEqual(stats.case_duration_seconds, {
      count: 3,
      mean: (2400 + 1800 + 300) / 3,
      median: 1800,
      min: 300,
      max: 2400,
      sum: 4500,
      stdev_sample: Math.sqrt(((2400 - 1500) ** 2 + (1800 - 1500) ** 2 + (300 - 1500) ** 2) / 2),
    });
    // ⌈log2 3⌉ + 1 = 3 bins over [300, 2400] s, 700 s wide.
    assert.deepEqual(analyseLog(log).caseDurationHistogram, [
      { from: 300, to: 1000, count: 1 },
      { from: 1000, to: 1700, count: 0 },
      { from: 1700, to: 2400, count: 2 },
    ]);
    // starts at 0, 60, 180 minutes: gaps 3600 s and 7200 s.
    assert.equal(stats.case_arrival_average_seconds, 5400);
    assert.deepEqual(stats.start_activities, { a: 3 });
    assert.deepEqual(stats.end_activities, { b: 1, c: 2 });
  });

  it('orders variants by count, then by their sequence of names', () => {
    const log = logOf([
      ['1', 'b', 0],
      ['2', 'a', 0],
      ['2', 'c', 1],
      ['3', 'a', 0],
      ['3', 'b', 1],
      ['4', 'b', 0],
    ]);
    const a = analyseLog(log);
    const stats = auditStats(log, a);
    assert.deepEqual(stats.variants, [
      { activities: ['b'], count: 2 },
      { activities: ['a', 'b'], count: 1 },
      { activities: ['a', 'c'], count: 1 },
    ]);
    assert.deepEqual(
      a.variants.map((v) => v.coverage),
      [0.5, 0.25, 0.25],
    );
    assert.deepEqual(Array.from(a.caseVariant), [0, 2, 1, 0]);
  });

  it('tells self-loops from repetitions and repeat (same resource) from redo (other resource)', () => {
    const log = logOf([
      ['1', 'check', 0, 'ann'],
      ['1', 'check', 1, 'ann'], // self-loop, repeat
      ['1', 'fix', 2, 'bob'],
      ['1', 'check', 3, 'carl'], // repetition, redo
      ['2', 'check', 0, 'ann'],
      ['2', 'fix', 1],
      ['2', 'fix', 2, 'bob'], // self-loop, resource unknown before: neither repeat nor redo
    ]);
    const a = analyseLog(log);
    const check = a.activities.find((x) => x.name === 'check');
    const fix = a.activities.find((x) => x.name === 'fix');
    assert.deepEqual(
      { ...check },
      {
        name: 'check',
        events: 4,
        cases: 2,
        reworkCases: 1,
        selfLoops: 1,
        repetitions: 1,
        repeatSameResource: 1,
        redoOtherResource: 1,
        minSelfDistance: 0,
        starts: 2,
        ends: 1,
      },
    );
    assert.equal(fix?.selfLoops, 1);
    assert.equal(fix?.repeatSameResource, 0);
    assert.equal(fix?.redoOtherResource, 0);
    const stats = auditStats(log, a);
    assert.deepEqual(stats.rework_cases_per_activity, { check: 1, fix: 1 });
    assert.deepEqual(stats.minimum_self_distances, { check: 0, fix: 0 });
    // Hand-overs between known, different resources: ann→bob, bob→carl.
    assert.deepEqual(
      a.handovers.map((h) => [log.resources[h.source], log.resources[h.target], h.count]),
      [
        ['ann', 'bob', 1],
        ['bob', 'carl', 1],
      ],
    );
    assert.deepEqual(
      a.resources.map((r) => [r.name, r.events, r.cases]),
      [
        ['ann', 3, 2],
        ['bob', 2, 2],
        ['carl', 1, 1],
      ],
    );
  });

  it('gives a one-event case a zero duration and a one-case log an arrival average of 0 (as PM4Py)', () => {
    const log = logOf([['only', 'a', 0]]);
    const stats = auditStats(log, analyseLog(log));
    assert.equal(stats.case_duration_seconds?.stdev_sample, null);
    assert.equal(stats.case_duration_seconds?.max, 0);
    assert.equal(stats.case_arrival_average_seconds, 0);
    assert.equal(stats.num_dfg_edges, 0);
  });
});
