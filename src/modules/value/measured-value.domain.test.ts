import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectedValue, measuredWindow, runValueFacts, taskHumanMinutes } from './measured-value.domain.ts';

const task = (over: Partial<Parameters<typeof taskHumanMinutes>[0]>) => ({
  runId: 'r1',
  kind: 'exception',
  status: 'done',
  claimedAt: null,
  closedAt: '2026-11-24T10:12:00.000Z',
  ...over,
});

describe('taskHumanMinutes', () => {
  it('counts claim → close for a claimed task', () => {
    assert.equal(taskHumanMinutes(task({ claimedAt: '2026-11-24T10:00:00.000Z' })), 12);
  });
  it('caps a claimed task at 60 minutes', () => {
    assert.equal(taskHumanMinutes(task({ claimedAt: '2026-11-20T10:00:00.000Z' })), 60);
  });
  it('uses the default of its kind when nobody claimed it', () => {
    assert.deepEqual(
      ['approval', 'form', 'task', 'exception', 'other'].map((kind) => taskHumanMinutes(task({ kind }))),
      [2, 5, 10, 15, 0],
    );
  });
  it('takes what the deciders said they spent over any estimate, whatever the status', () => {
    // claimed 12 minutes before closing, but the two approvers said 3 + 4 minutes
    assert.equal(taskHumanMinutes(task({ claimedAt: '2026-11-24T10:00:00.000Z', spentMinutes: 7 })), 7);
    assert.equal(taskHumanMinutes(task({ kind: 'approval', spentMinutes: 0 })), 0);
    // an approval that expired after one of two votes still cost that vote's minutes
    assert.equal(taskHumanMinutes(task({ kind: 'approval', status: 'expired', spentMinutes: 5 })), 5);
    assert.equal(taskHumanMinutes(task({ spentMinutes: null })), 15, 'null falls back to the rules below');
  });
  it('counts nothing for a task nobody completed', () => {
    for (const status of ['open', 'claimed', 'expired', 'cancelled']) assert.equal(taskHumanMinutes(task({ status })), 0);
  });
});

describe('runValueFacts', () => {
  it('sums each run’s task minutes into exceptions, approvals and forms, and manual fixes', () => {
    const facts = runValueFacts(
      [
        { id: 'r1', status: 'succeeded', finishedAt: '2026-11-24T11:00:00.000Z' },
        { id: 'r2', status: 'failed', finishedAt: '2026-11-24T11:00:00.000Z' },
      ],
      [
        task({}),
        task({ kind: 'approval' }),
        task({ kind: 'form' }),
        task({ kind: 'task' }),
        task({ runId: 'r2', kind: 'task', status: 'cancelled' }),
      ],
    );
    assert.deepEqual(facts, [
      { status: 'succeeded', finishedAt: '2026-11-24T11:00:00.000Z', exceptionMinutes: 15, approvalMinutes: 7, manualFixMinutes: 10 },
      { status: 'failed', finishedAt: '2026-11-24T11:00:00.000Z', exceptionMinutes: 0, approvalMinutes: 0, manualFixMinutes: 0 },
    ]);
  });
});

describe('expectedValue', () => {
  const screen = { frequencyPeriod: 'day', frequencyCount: 20, minutesPerCase: 6 };
  const none = { minutesSavedPerRun: null, hourlyCost: null };
  it('estimates from the quick screen with the documented defaults', () => {
    assert.deepEqual(expectedValue(screen, null, none), {
      source: 'quick-screen',
      hoursPerYear: 176,
      valuePerYear: 8_800,
      netValuePerYear: null,
      minutesSavedPerRun: 3,
      hourlyCost: 50,
    });
    assert.equal(expectedValue({ ...screen, frequencyPeriod: 'month', frequencyCount: 0 }, null, none).valuePerYear, 0);
  });
  it('takes the assessment when there is one, and the settings over both', () => {
    const assessed = { netValuePerYear: 30_000, hoursSavedPerYear: 660, minutesSavedPerRun: 6, hourlyCost: 54 };
    assert.deepEqual(expectedValue(screen, assessed, none), {
      source: 'assessment',
      hoursPerYear: 660,
      valuePerYear: 35_640,
      netValuePerYear: 30_000,
      minutesSavedPerRun: 6,
      hourlyCost: 54,
    });
    const tuned = expectedValue(screen, assessed, { minutesSavedPerRun: 4, hourlyCost: 40 });
    assert.equal(tuned.minutesSavedPerRun, 4);
    assert.equal(tuned.valuePerYear, 26_400);
  });
});

describe('measuredWindow', () => {
  it('starts at go-live when it falls inside the window, and is empty when it comes after', () => {
    assert.deepEqual(measuredWindow(0, 100, 40), { from: 40, to: 100 });
    assert.deepEqual(measuredWindow(50, 100, 40), { from: 50, to: 100 });
    assert.deepEqual(measuredWindow(0, 100, null), { from: 0, to: 100 });
    assert.equal(measuredWindow(0, 100, 100), null);
  });
});
