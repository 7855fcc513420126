import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentile, runTimes, type StepTimeFact, summariseRuns, summariseSteps, summariseTimes } from './run-stats.domain.ts';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
    assert.equal(percentile([10, 20, 30, 40], 95), 40);
    assert.equal(percentile([7], 50), 7);
    assert.equal(percentile([], 50), null);
  });
});

describe('summariseRuns', () => {
  it('judges only ended runs and groups by UTC day', () => {
    const s = summariseRuns([
      { status: 'succeeded', createdAt: '2026-11-20T10:00:00Z', durationMs: 100 },
      { status: 'failed', createdAt: '2026-11-20T23:59:00Z', durationMs: 300 },
      { status: 'succeeded', createdAt: '2026-11-21T00:01:00Z', durationMs: 200 },
      { status: 'running', createdAt: '2026-11-21T08:00:00Z', durationMs: null },
    ]);
    assert.equal(s.runs, 4);
    assert.equal(s.successRate, 2 / 3);
    assert.equal(s.durationP50Ms, 200);
    assert.deepEqual(s.byDay, [
      { day: '2026-11-20', runs: 2, failed: 1 },
      { day: '2026-11-21', runs: 2, failed: 0 },
    ]);
  });
});

const T = (s: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, 0) + s * 1000).toISOString();
const step = (over: Partial<StepTimeFact>): StepTimeFact => ({
  nodeId: 'x',
  status: 'succeeded',
  attempt: 1,
  startedAt: T(0),
  finishedAt: T(1),
  activeMs: 1000,
  human: false,
  ...over,
});

describe('runTimes', () => {
  it('splits a run into working, machine waiting and human waiting time', () => {
    // 0–10 s run; 2 s of work in all. An approval (human) step open from 1 s to 7 s, 100 ms of it work;
    // a delay from 7 s to 9 s.
    const times = runTimes({ startedAt: T(0), finishedAt: T(10), activeMs: 2000 }, [
      step({ nodeId: 'approve', startedAt: T(1), finishedAt: T(7), activeMs: 100, human: true }),
      step({ nodeId: 'wait', startedAt: T(7), finishedAt: T(9), activeMs: 0 }),
    ]);
    // waiting = 10 000 − 2 000 = 8 000; human = 6 000 − 100 = 5 900; machine = 8 000 − 5 900 = 2 100.
    assert.deepEqual(times, { durationMs: 10_000, workingMs: 2000, waitingMs: 8000, humanWaitMs: 5900, machineWaitMs: 2100 });
  });

  it('caps working time at the duration when parallel steps add up past it', () => {
    const times = runTimes({ startedAt: T(0), finishedAt: T(3), activeMs: 5000 }, []);
    assert.deepEqual(times, { durationMs: 3000, workingMs: 3000, waitingMs: 0, humanWaitMs: 0, machineWaitMs: 0 });
  });

  it('never counts more human waiting than there was waiting, and ends an unfinished human step with the run', () => {
    // A 4 s run, 1 s of work; a human step started at 0.5 s and never finished (the run was cancelled at 4 s): 3.5 s open.
    const times = runTimes({ startedAt: T(0), finishedAt: T(4), activeMs: 1000 }, [
      step({ startedAt: T(0.5), finishedAt: null, activeMs: 0, human: true }),
    ]);
    assert.deepEqual(times, { durationMs: 4000, workingMs: 1000, waitingMs: 3000, humanWaitMs: 3000, machineWaitMs: 0 });
  });

  it('has nothing to say about a run that has not ended', () => {
    assert.equal(runTimes({ startedAt: T(0), finishedAt: null, activeMs: 0 }, []), null);
    assert.equal(runTimes({ startedAt: null, finishedAt: null, activeMs: 0 }, []), null);
  });
});

describe('summariseTimes', () => {
  it('totals each kind of time and takes nearest-rank percentiles per run', () => {
    const s = summariseTimes([
      { durationMs: 1000, workingMs: 1000, waitingMs: 0, humanWaitMs: 0, machineWaitMs: 0 },
      { durationMs: 5000, workingMs: 2000, waitingMs: 3000, humanWaitMs: 0, machineWaitMs: 3000 },
      { durationMs: 9000, workingMs: 3000, waitingMs: 6000, humanWaitMs: 4000, machineWaitMs: 2000 },
    ]);
    assert.equal(s.runs, 3);
    assert.deepEqual(s.working, { totalMs: 6000, p50Ms: 2000, p95Ms: 3000 });
    assert.deepEqual(s.waiting, { totalMs: 9000, p50Ms: 3000, p95Ms: 6000 });
    assert.deepEqual(s.humanWait, { totalMs: 4000, p50Ms: 0, p95Ms: 4000 });
    assert.deepEqual(s.machineWait, { totalMs: 5000, p50Ms: 2000, p95Ms: 3000 });
  });

  it('gives zero totals and no percentiles for no runs', () => {
    assert.deepEqual(summariseTimes([]).working, { totalMs: 0, p50Ms: null, p95Ms: null });
  });
});

describe('summariseSteps', () => {
  it('counts executions, failures and retries and takes percentiles of finished executions', () => {
    const s = summariseSteps([
      step({ nodeId: 'call', attempt: 1, startedAt: T(0), finishedAt: T(1), activeMs: 1000 }),
      // succeeded on its third attempt after 2 s of back-off: 3 s wall, 1 s work
      step({ nodeId: 'call', attempt: 3, startedAt: T(0), finishedAt: T(3), activeMs: 1000 }),
      step({ nodeId: 'call', status: 'failed', attempt: 2, startedAt: T(0), finishedAt: T(2), activeMs: 500 }),
      // still retrying: counted as an execution, not in the durations
      step({ nodeId: 'call', status: 'retrying', attempt: 1, startedAt: T(0), finishedAt: null, activeMs: 500 }),
      step({ nodeId: 'skip', status: 'skipped' }),
      step({ nodeId: 'start', startedAt: T(0), finishedAt: T(0), activeMs: 0 }),
    ]);
    assert.deepEqual(s, [
      {
        nodeId: 'call',
        executions: 4,
        failures: 1,
        retries: 3,
        durationP50Ms: 2000,
        durationP95Ms: 3000,
        avgWorkMs: 750,
        // 0 + 2000 + 1500 (the unfinished one is not counted)
        waitingMs: 3500,
      },
      { nodeId: 'start', executions: 1, failures: 0, retries: 0, durationP50Ms: 0, durationP95Ms: 0, avgWorkMs: 0, waitingMs: 0 },
    ]);
  });
});
