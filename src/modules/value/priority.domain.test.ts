import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confidenceFromSpread, normaliseValues, planCapacity, priorityScore, quadrant, strategicAlignment } from './priority.domain.ts';

const near = (actual: number | null, expected: number, tolerance = 1e-5) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `${actual} ≉ ${expected}`);

describe('normaliseValues', () => {
  it('divides by the largest positive value and sends losses to zero', () => {
    assert.deepEqual(normaliseValues([40000, 10000, -5000]), [1, 0.25, 0]);
    assert.deepEqual(normaliseValues([-1, 0]), [0, 0]);
  });
});

describe('quadrant', () => {
  it('splits value at 0.5 and ease at 50 by default', () => {
    assert.equal(quadrant(0.5, 50), 'quick-win');
    assert.equal(quadrant(0.9, 49.9), 'strategic-bet');
    assert.equal(quadrant(0.49, 80), 'fill-in');
    assert.equal(quadrant(0.1, 20), 'avoid');
  });

  it('follows other thresholds', () => {
    assert.equal(quadrant(0.3, 75, { value: 0.25, ease: 70 }), 'quick-win');
    assert.equal(quadrant(0.3, 65, { value: 0.25, ease: 70 }), 'strategic-bet');
  });
});

describe('strategicAlignment', () => {
  it('is the weighted contribution over the best possible', () => {
    // (2 × 3 + 1 × 0 + 1 × 2) / (3 × 4) = 8 / 12
    near(
      strategicAlignment([
        { weight: 2, contribution: 3 },
        { weight: 1, contribution: 0 },
        { weight: 1, contribution: 2 },
      ]),
      0.666667,
    );
    assert.equal(strategicAlignment([{ weight: 1, contribution: 3 }]), 1);
    assert.equal(strategicAlignment([]), null);
  });
});

describe('confidenceFromSpread', () => {
  it('is 1 for a point estimate and a half when the spread equals the value', () => {
    assert.equal(confidenceFromSpread(1000, 0), 1);
    assert.equal(confidenceFromSpread(1000, 1000), 0.5);
    assert.equal(confidenceFromSpread(-1000, 250), 0.8);
    assert.equal(confidenceFromSpread(0, 10), 0);
  });
});

describe('priorityScore', () => {
  it('multiplies the weighted factors and adds a small vote bonus', () => {
    // 1 × 0.5^0.3 × 0.8^0.2 × 0.8^0.1 × (1 + 0.1 ln 5) = 0.812252 × 0.956352 × 0.977933 × 1.160944 = 0.881920
    const p = priorityScore({ value: 1, alignment: 0.5, ease: 80, confidence: 0.8, votes: 4 });
    near(p.priority, 0.88192);
    near(p.factors.find((f) => f.factor === 'votes')?.multiplier ?? 0, 1.160944);
  });

  it('is zero for an idea without positive value', () => {
    assert.equal(priorityScore({ value: 0, alignment: 1, ease: 100, confidence: 1, votes: 50 }).priority, 0);
  });

  it('floors alignment, ease and confidence so one zero does not erase an idea', () => {
    // 0.4^0.4 × 0.05^0.3 × 0.05^0.2 × 1 × 1 = 0.693145 × 0.407091 × 0.549280 = 0.154993
    near(priorityScore({ value: 0.4, alignment: 0, ease: 0, confidence: 1, votes: 0 }).priority, 0.154993);
  });

  it('treats alignment as neutral when no objectives exist', () => {
    assert.equal(priorityScore({ value: 1, alignment: null, ease: 100, confidence: 1, votes: 0 }).priority, 1);
  });
});

describe('planCapacity', () => {
  it('takes ideas by priority while they fit, skipping one that does not', () => {
    const plan = planCapacity(
      [
        { id: 'c', priority: 0.5, hours: 30 },
        { id: 'a', priority: 0.9, hours: 60 },
        { id: 'b', priority: 0.8, hours: 50 },
      ],
      100,
    );
    assert.deepEqual(plan, { planned: ['a', 'c'], hours: 90, deferred: ['b'] });
  });
});
