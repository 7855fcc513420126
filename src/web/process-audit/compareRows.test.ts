import assert from 'node:assert/strict';
import { it } from 'node:test';
import { compareRows } from './compareRows.ts';

it('turns a comparison into rows with units and whether the change is better', () => {
  const figures = {
    cases: 2,
    throughputMeanSeconds: 7200,
    waitingMeanSeconds: 3600,
    reworkShare: 0.5,
    peopleStepsPerCase: 3.5,
    costPerCase: 21,
  };
  const rows = compareRows({
    before: { name: 'Before', source: 'import', throughputMedianSeconds: 10_800, ...figures },
    after: { name: 'After', source: 'workflow', throughputMedianSeconds: 3600, ...figures, reworkShare: 0 },
    change: {
      throughputMedianSeconds: -2 / 3,
      throughputMeanSeconds: 0,
      waitingMeanSeconds: 0,
      reworkShare: -1,
      peopleStepsPerCase: 0,
      costPerCase: 0.1,
    },
    cost: { hourlyCost: 60, minutesPerPeopleStep: 6 },
  });
  assert.deepEqual(rows[0], {
    label: 'Throughput time (median)',
    chartKey: 'throughput (median)',
    before: '3 h',
    after: '1 h',
    beforeValue: 3,
    afterValue: 1,
    change: '-66.7 %',
    better: true,
  });
  assert.equal(rows[1]?.better, null, 'no change');
  assert.equal(rows[3]?.after, '0 %');
  assert.equal(rows[5]?.change, '+10 %');
  assert.equal(rows[5]?.better, false);
});
