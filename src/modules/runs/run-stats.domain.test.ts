import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentile, summariseRuns } from './run-stats.domain.ts';

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
