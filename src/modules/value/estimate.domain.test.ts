import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pert, pick, rangeOf, toRange } from './estimate.domain.ts';

describe('pert', () => {
  it('weights the likely value four times and spreads by a sixth of the range', () => {
    // (10 + 4 × 20 + 60) / 6 = 150 / 6 = 25; (60 − 10) / 6 = 8.333…
    const p = pert({ low: 10, likely: 20, high: 60 });
    assert.equal(p.expected, 25);
    assert.ok(Math.abs(p.sd - 8.333333) < 1e-6);
  });

  it('has no spread for a point estimate', () => {
    assert.deepEqual(pert({ low: 7, likely: 7, high: 7 }), { low: 7, likely: 7, high: 7, expected: 7, sd: 0 });
  });

  it('rejects low above high, and likely outside the range', () => {
    assert.throws(() => pert({ low: 10, likely: 8, high: 5 }), RangeError);
    assert.throws(() => pert({ low: 1, likely: 9, high: 5 }), RangeError);
    assert.throws(() => toRange({ low: 1, likely: Number.NaN, high: 5 }), RangeError);
  });
});

describe('pick', () => {
  const r = { low: 1, likely: 2, high: 3 };
  it('takes the low end of what brings value and the high end of what costs in the pessimistic scenario', () => {
    assert.equal(pick(r, 'pessimistic', 'more-is-better'), 1);
    assert.equal(pick(r, 'pessimistic', 'more-is-worse'), 3);
    assert.equal(pick(r, 'optimistic', 'more-is-better'), 3);
    assert.equal(pick(r, 'optimistic', 'more-is-worse'), 1);
    assert.equal(pick(r, 'likely', 'more-is-worse'), 2);
  });

  it('reads a plain number as itself in every scenario', () => {
    assert.equal(pick(4, 'pessimistic', 'more-is-better'), 4);
    assert.equal(pick(4, 'optimistic', 'more-is-worse'), 4);
  });
});

describe('rangeOf', () => {
  it('orders the scenarios into low and high whichever way the figure goes', () => {
    // A payback: the pessimistic scenario gives the longest one.
    const p = rangeOf({ pessimistic: 12, likely: 6, optimistic: 3 });
    assert.equal(p.low, 3);
    assert.equal(p.high, 12);
    assert.equal(p.expected, 6.5); // (3 + 24 + 12) / 6
  });
});
