import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scoreIdea } from './idea-score.domain.ts';

describe('scoreIdea', () => {
  it('gives 100 to the ideal idea and 0 to the worst one', () => {
    assert.equal(scoreIdea({ rules: 5, digital: 5, structured: 5, change: 1, documentation: 5 }).score, 100);
    const worst = scoreIdea({ rules: 1, digital: 1, structured: 1, change: 5, documentation: 1 });
    assert.equal(worst.score, 0);
    assert.equal(worst.feasible, false);
  });

  it('matches a hand-computed score, factor by factor', () => {
    // n = 1, .75, .5, (6−2−1)/4 = .75, 0 → Σ = 3 → 100 × 3 / 5 = 60
    const s = scoreIdea({ rules: 5, digital: 4, structured: 3, change: 2, documentation: 1 });
    assert.equal(s.score, 60);
    assert.deepEqual(
      s.factors.map((f) => [f.factor, f.normalised, f.points, f.headroom]),
      [
        ['rules', 1, 20, 0],
        ['digital', 0.75, 15, 5],
        ['structured', 0.5, 10, 10],
        ['change', 0.75, 15, 5],
        ['documentation', 0, 0, 20],
      ],
    );
    assert.equal(s.suitability, 75, '100 × (1 + .75 + .5) / 3');
    assert.equal(s.readiness, 37.5, '100 × (.75 + 0) / 2');
    assert.equal(s.feasible, true);
    assert.equal(s.warning, null);
  });

  it('hints at the two weakest factors first, with what one step up is worth', () => {
    const s = scoreIdea({ rules: 5, digital: 4, structured: 3, change: 2, documentation: 1 });
    assert.deepEqual(
      s.hints.map((h) => [h.factor, h.gainPerStep]),
      [
        ['documentation', 5],
        ['structured', 5],
      ],
    );
    assert.equal(scoreIdea({ rules: 5, digital: 5, structured: 5, change: 1, documentation: 5 }).hints.length, 0);
  });

  it('marks a major expected change not feasible now but keeps the honest score', () => {
    const s = scoreIdea({ rules: 5, digital: 5, structured: 5, change: 5, documentation: 5 });
    assert.equal(s.feasible, false);
    assert.match(s.warning ?? '', /major change/);
    assert.equal(s.score, 80);
    assert.equal(scoreIdea({ rules: 5, digital: 5, structured: 5, change: 4, documentation: 5 }).feasible, true);
  });

  it('applies admin weights: Σ w n / Σ w', () => {
    // rules weighs 3: (3 × 1 + 0 + 0 + 0 + 0) / 7 = 42.857…
    const s = scoreIdea(
      { rules: 5, digital: 1, structured: 1, change: 5, documentation: 1 },
      { rules: 3, digital: 1, structured: 1, change: 1, documentation: 1 },
    );
    assert.equal(s.score, 42.9);
    assert.equal(s.factors[0]?.points, 42.9);
  });

  it('refuses answers outside 1–5 and weights that sum to zero', () => {
    assert.throws(() => scoreIdea({ rules: 0, digital: 1, structured: 1, change: 1, documentation: 1 }), RangeError);
    assert.throws(() => scoreIdea({ rules: 2.5, digital: 1, structured: 1, change: 1, documentation: 1 }), RangeError);
    assert.throws(
      () =>
        scoreIdea(
          { rules: 1, digital: 1, structured: 1, change: 1, documentation: 1 },
          { rules: 0, digital: 0, structured: 0, change: 0, documentation: 0 },
        ),
      RangeError,
    );
  });
});
