import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_EASE_WEIGHTS, easeBucket, easeOfImplementation } from './ease.domain.ts';

describe('easeOfImplementation', () => {
  it('is 100 minus the weighted mean complexity of the factors given', () => {
    // s: apps 3 → 0.5 (w 2), rule-based 0.9 → 0.1 (w 2), stability 4 → 0.25 (w 2), confidential → 2/3 (w 1)
    // Σ w s = 1 + 0.2 + 0.5 + 0.6667 = 2.3667; Σ w = 7; complexity 0.33810; EoI 66.19 → medium
    const e = easeOfImplementation({ applications: 3, ruleBasedShare: 0.9, stability: 4, dataClass: 'confidential' });
    assert.ok(Math.abs(e.ease - 66.1905) < 1e-3);
    assert.equal(e.bucket, 'medium');
    const lost = Object.fromEntries(e.factors.map((f) => [f.factor, Number(f.pointsLost.toFixed(2))]));
    // 100 × 1 / 7 = 14.29; 100 × 0.2 / 7 = 2.86; 100 × 0.5 / 7 = 7.14; 100 × 0.6667 / 7 = 9.52
    assert.deepEqual(lost, { applications: 14.29, ruleBasedShare: 2.86, stability: 7.14, dataClass: 9.52 });
  });

  it('scores every factor on its documented scale', () => {
    // One factor at a time: EoI = 100 × (1 − s).
    const one = (input: Parameters<typeof easeOfImplementation>[0]) => Number(easeOfImplementation(input).ease.toFixed(4));
    assert.equal(one({ applications: 1 }), 100);
    assert.equal(one({ applications: 9 }), 0);
    assert.equal(one({ steps: 5 }), 100);
    assert.equal(one({ steps: 27.5 }), 50);
    assert.equal(one({ decisionPoints: 3 }), 70);
    assert.equal(one({ unstructuredShare: 0.4 }), 60);
    assert.equal(one({ stability: 1 }), 0);
    assert.equal(one({ exceptionRate: 0.05 }), 75);
    assert.equal(one({ exceptionRate: 0.5 }), 0);
    assert.equal(one({ peakRatio: 3 }), 50);
    assert.equal(one({ legacySystems: 1 }), 50);
    assert.equal(one({ dataClass: 'internal' }), 66.6667);
    assert.equal(one({ uptime: 'extended' }), 50);
  });

  it('is Easy with nothing against it and leaves out factors not answered', () => {
    const e = easeOfImplementation({});
    assert.equal(e.ease, 100);
    assert.equal(e.bucket, 'easy');
    assert.deepEqual(e.factors, []);
  });

  it('follows admin-edited weights', () => {
    // apps 5 → 1, stability 5 → 0; weights 1 and 3: complexity 1 / 4 → EoI 75
    const e = easeOfImplementation({ applications: 5, stability: 5 }, { ...DEFAULT_EASE_WEIGHTS, applications: 1, stability: 3 });
    assert.equal(e.ease, 75);
  });
});

describe('easeBucket', () => {
  it('puts 70 in Easy, 40 to 69.9 in Medium and below 40 in Hard', () => {
    assert.equal(easeBucket(70), 'easy');
    assert.equal(easeBucket(69.9), 'medium');
    assert.equal(easeBucket(40), 'medium');
    assert.equal(easeBucket(39.9), 'hard');
  });
});
