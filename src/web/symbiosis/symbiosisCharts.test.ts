import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartRows, formatShare, weekLabel } from './symbiosisCharts.ts';
import type { SymbiosisFigures } from './symbiosisTypes.ts';

const zero: SymbiosisFigures = {
  runs: 0,
  machineSteps: 0,
  peopleSteps: 0,
  peopleStepShare: null,
  machineWorkMs: 0,
  peopleMs: 0,
  machineWaitMs: 0,
  peopleTimeShare: null,
  tasksOpened: 0,
  tasksClosed: 0,
  cycleP50Ms: null,
  cycleP90Ms: null,
  slaTasks: 0,
  slaBreached: 0,
  slaBreachRate: null,
  exceptions: 0,
  exceptionsPer100Runs: null,
};

describe('symbiosis charts', () => {
  it('formats shares and week labels', () => {
    assert.equal(formatShare(null), '—');
    assert.equal(formatShare(0.12345), '12.3 %');
    assert.equal(weekLabel('2026-11-23'), 'Nov 23');
  });

  it('turns weeks into chart rows in hours and percentages, keeping unknowns null', () => {
    const rows = chartRows({
      weeks: [
        { ...zero, week: '2026-11-16' },
        {
          ...zero,
          week: '2026-11-23',
          peopleSteps: 3,
          machineSteps: 9,
          peopleMs: 5_400_000,
          machineWorkMs: 1800,
          slaBreachRate: 1 / 3,
          exceptionsPer100Runs: 25,
          cycleP50Ms: 7_200_000,
        },
      ],
    });
    assert.deepEqual(rows[0], {
      week: 'Nov 16',
      peopleSteps: 0,
      machineSteps: 0,
      peopleHours: 0,
      machineWorkHours: 0,
      machineWaitHours: 0,
      slaBreachPct: null,
      exceptionsPer100: null,
      cycleP50Hours: null,
      cycleP90Hours: null,
    });
    assert.equal(rows[1]?.peopleHours, 1.5);
    assert.equal(rows[1]?.machineWorkHours, 0.001);
    assert.equal(rows[1]?.slaBreachPct, 33.3);
    assert.equal(rows[1]?.exceptionsPer100, 25);
    assert.equal(rows[1]?.cycleP50Hours, 2);
  });
});
