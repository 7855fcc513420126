import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actualValue,
  calibrated,
  calibrationFactor,
  defaultMinutesSavedPerRun,
  median,
  type RunValueFact,
  realisation,
  selfReportedValue,
  weekOf,
} from './actual-value.domain.ts';

const at = (iso: string) => Date.parse(iso);
const run = (
  finishedAt: string | null,
  status = 'succeeded',
  exceptionMinutes = 0,
  approvalMinutes = 0,
  manualFixMinutes = 0,
): RunValueFact => ({
  status,
  finishedAt,
  exceptionMinutes,
  approvalMinutes,
  manualFixMinutes,
});
const near = (actual: number | null, expected: number, tolerance = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `${actual} ≉ ${expected}`);

describe('weekOf', () => {
  it('is the Monday of the ISO week, in UTC', () => {
    assert.equal(weekOf(at('2026-11-25T12:00:00Z')), '2026-11-23');
    assert.equal(weekOf(at('2026-11-22T23:59:59Z')), '2026-11-16');
  });
});

describe('defaultMinutesSavedPerRun', () => {
  it('is the AS-IS minutes of a case times the automation potential', () => {
    assert.equal(defaultMinutesSavedPerRun(7.5, 0.8), 6);
    assert.equal(defaultMinutesSavedPerRun(7.5, 0), 0);
  });
});

describe('actualValue', () => {
  // 28 days: Monday 2 November to Monday 30 November 2026.
  const window = { minutesSavedPerRun: 6, hourlyCost: 50, from: at('2026-11-02T00:00:00Z'), to: at('2026-11-30T00:00:00Z') };
  const runs: RunValueFact[] = [
    // 100 succeeded runs, 25 in each week, one of them with a 3-minute approval
    ...Array.from({ length: 100 }, (_, i) => run(`2026-11-${String(2 + 7 * Math.floor(i / 25)).padStart(2, '0')}T10:00:00Z`)),
    run('2026-11-03T10:00:00Z', 'succeeded', 0, 3),
    // two failed runs: 30 min of exception work and 27 min of manual fixes
    run('2026-11-10T10:00:00Z', 'failed', 30),
    run('2026-11-17T10:00:00Z', 'failed', 0, 0, 27),
    // not counted: still running, and outside the window
    run(null, 'running', 60),
    run('2026-11-30T00:00:00Z'),
    run('2026-11-01T23:59:59Z'),
  ];
  const v = actualValue(runs, window);

  it('subtracts the human minutes of every run from the minutes saved by the succeeded ones', () => {
    // saved: 101 × 6 = 606 min = 10.1 h; human: 3 + 30 + 27 = 60 min = 1 h; H_actual = 9.1 h; V = 455
    assert.equal(v.runs, 103);
    assert.equal(v.succeededRuns, 101);
    near(v.hoursSaved, 10.1);
    near(v.humanHours, 1);
    near(v.hours, 9.1);
    near(v.value, 455);
  });

  it('averages per week and per mean month over the window', () => {
    // 9.1 × 7 / 28 = 2.275 h and 113.75 a week; 9.1 × 30.4375 / 28 = 9.8922 h and 494.61 a month
    near(v.hoursPerWeek, 2.275);
    near(v.valuePerWeek, 113.75);
    near(v.hoursPerMonth, 9.89219, 1e-5);
    near(v.valuePerMonth, 494.6094, 1e-4);
  });

  it('buckets by week of the run’s end', () => {
    assert.deepEqual(
      v.weeks.map((w) => [w.period, w.succeededRuns, Number(w.hours.toFixed(4))]),
      [
        ['2026-11-02', 26, 2.55], // 26 × 0.1 − 0.05
        ['2026-11-09', 25, 2], // 2.5 − 0.5
        ['2026-11-16', 25, 2.05], // 2.5 − 0.45
        ['2026-11-23', 25, 2.5],
      ],
    );
    assert.deepEqual(
      v.months.map((m) => m.period),
      ['2026-11'],
    );
  });

  it('splits by calendar month', () => {
    const m = actualValue([run('2026-10-31T23:00:00Z'), run('2026-11-01T01:00:00Z'), run('2026-11-01T02:00:00Z')], {
      ...window,
      from: at('2026-10-26T00:00:00Z'),
    });
    assert.deepEqual(
      m.months.map((x) => [x.period, x.succeededRuns]),
      [
        ['2026-10', 1],
        ['2026-11', 2],
      ],
    );
    assert.equal(m.weeks.length, 1); // 31 Oct and 1 Nov are in the week of Monday 26 October
  });

  it('goes negative when the people spend more time on the automation than it saves', () => {
    const bad = actualValue([run('2026-11-03T10:00:00Z'), run('2026-11-04T10:00:00Z', 'failed', 90)], window);
    near(bad.hours, -1.4); // 0.1 − 1.5
  });

  it('is zero with no runs', () => {
    const none = actualValue([], window);
    assert.equal(none.value, 0);
    assert.equal(none.valuePerWeek, 0);
    assert.deepEqual(none.weeks, []);
  });
});

describe('realisation', () => {
  it('is actual over expected for the same window', () => {
    // expected 7,305 a year × 28 / 365.25 = 560; 455 / 560 = 0.8125
    near(realisation(455, 7305, 28), 0.8125);
  });

  it('is null when nothing was expected', () => {
    assert.equal(realisation(455, 0, 28), null);
    assert.equal(realisation(455, -100, 28), null);
    assert.equal(realisation(455, 7305, 0), null);
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });
});

describe('calibrationFactor', () => {
  it('is the median realisation of the category’s live automations', () => {
    assert.equal(calibrationFactor([0.5, 1.2, 0.8, null]), 0.8);
    assert.equal(calibrationFactor([0.5, 1.2, 0.8, 3]), 1);
  });

  it('is null below the minimum sample', () => {
    assert.equal(calibrationFactor([0.5, 0.8, null]), null);
    assert.equal(calibrationFactor([0.5, 0.8], 2), 0.65);
  });

  it('shows a new estimate scaled by the factor, or unchanged without one', () => {
    assert.deepEqual(calibrated({ low: 100, likely: 200, high: 400 }, 0.75), { low: 75, likely: 150, high: 300 });
    assert.deepEqual(calibrated({ low: 100, likely: 200, high: 400 }, null), { low: 100, likely: 200, high: 400 });
  });
});

describe('selfReportedValue', () => {
  it('sums each person’s median answer in the window', () => {
    const answers = [
      { userId: 'ann', minutesPerWeek: 30, answeredAt: '2026-11-02T09:00:00Z' },
      { userId: 'ann', minutesPerWeek: 60, answeredAt: '2026-11-09T09:00:00Z' },
      { userId: 'ann', minutesPerWeek: 40, answeredAt: '2026-11-16T09:00:00Z' },
      { userId: 'bob', minutesPerWeek: 20, answeredAt: '2026-11-02T09:00:00Z' },
      { userId: 'bob', minutesPerWeek: 10, answeredAt: '2026-11-20T09:00:00Z' },
      { userId: 'bob', minutesPerWeek: 500, answeredAt: '2026-10-01T09:00:00Z' }, // before the window
    ];
    // Ann: median(30, 60, 40) = 40; Bob: median(20, 10) = 15; 55 min = 0.91667 h; × 50 = 45.833
    const s = selfReportedValue(answers, 50, at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'));
    assert.equal(s.respondents, 2);
    assert.equal(s.minutesPerWeek, 55);
    near(s.hoursPerWeek, 0.916667, 1e-6);
    near(s.valuePerWeek, 45.8333, 1e-4);
  });
});
