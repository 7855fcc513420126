import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dottedChart } from './dotted-chart.domain.ts';
import { EventLogBuilder } from './event-log.domain.ts';

it('puts cases in rows by their first event, a dot per event, and samples evenly', () => {
  const b = new EventLogBuilder();
  // Written out of start order: c2 starts first.
  b.add('c1', 'A', 2000, null);
  b.add('c1', 'B', 5000, null);
  b.add('c2', 'A', 1000, null);
  b.add('c3', 'A', 3000, null);
  b.add('c4', 'A', 4000, null);
  const log = b.build();
  const all = dottedChart(log);
  assert.deepEqual(all.cases, ['c2', 'c1', 'c3', 'c4']);
  assert.deepEqual(all.points, [
    [0, 1000, 0],
    [1, 2000, 0],
    [1, 5000, 1],
    [2, 3000, 0],
    [3, 4000, 0],
  ]);
  const sampled = dottedChart(log, 2);
  assert.deepEqual(sampled.cases, ['c2', 'c3'], 'every second case in start order');
  assert.equal(sampled.totalCases, 4);
});
