import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatShare, timeShares } from './timeShares.ts';

const f = (totalMs: number) => ({ totalMs, p50Ms: null, p95Ms: null });

describe('timeShares', () => {
  it('gives each kind of time its share of the whole', () => {
    const shares = timeShares({ runs: 2, working: f(2000), waiting: f(8000), machineWait: f(2000), humanWait: f(6000) });
    assert.deepEqual(
      shares.map((s) => [s.key, s.share]),
      [
        ['working', 0.2],
        ['machineWait', 0.2],
        ['humanWait', 0.6],
      ],
    );
    assert.equal(shares[2]?.label, 'Waiting for people');
  });

  it('gives no share when there was no time at all', () => {
    assert.deepEqual(
      timeShares({ runs: 0, working: f(0), waiting: f(0), machineWait: f(0), humanWait: f(0) }).map((s) => s.share),
      [0, 0, 0],
    );
  });
});

describe('formatShare', () => {
  it('rounds to whole percent and marks tiny shares', () => {
    assert.equal(formatShare(0.424), '42 %');
    assert.equal(formatShare(0.001), '< 1 %');
    assert.equal(formatShare(0), '0 %');
    assert.equal(formatShare(1), '100 %');
  });
});
