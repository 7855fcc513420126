import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AssessmentInput, assessValue } from './valuation.domain.ts';

const input: AssessmentInput = {
  volumetry: {
    frequency: 'daily',
    volume: { low: 30, likely: 40, high: 50 },
    minutesPerCase: 6,
    errorRate: 0.05,
    reworkMinutes: 20,
    reviewShare: 0.25,
    reviewMinutes: 2,
    hourlyCost: 50,
    applications: ['ERP', 'e-mail', 'bank portal'],
  },
  potential: { ruleBasedShare: 1, unstructuredShare: 0.5, nonDigitalShare: 0, variants: 1 }, // AP = 1 × 0.75 × 1 × 1
  ease: { ruleBasedShare: 1 },
  benefit: { adoption: 0.8 },
  cost: { buildHours: 80, builderHourlyCost: 75, platformCostPerYear: 1200, supportHoursPerYear: 10 },
};

describe('assessValue', () => {
  const a = assessValue(input, 0.5);

  it('gives the AS-IS figures as three-point ranges', () => {
    // hours: 825 / 1,100 / 1,375; FTE: 825 / 1,760 = 0.46875, 0.625, 1,375 / 1,760 = 0.78125
    assert.deepEqual([a.asIs.hours.low, a.asIs.hours.likely, a.asIs.hours.high], [825, 1100, 1375]);
    assert.deepEqual([a.asIs.fte.low, a.asIs.fte.likely, a.asIs.fte.high], [0.46875, 0.625, 0.78125]);
    assert.equal(a.asIs.cost.expected, 55000); // (41,250 + 4 × 55,000 + 68,750) / 6
  });

  it('fills the applications factor of ease from the volumetry', () => {
    // apps 3 → s 0.5 (w 2), rule-based 1 → s 0 (w 2): complexity 1 / 4 → EoI 75, Easy
    assert.equal(a.ease.ease, 75);
    assert.equal(a.ease.bucket, 'easy');
    assert.equal(a.potential.potential, 0.75);
  });

  it('shows the calibrated valuation beside the raw one', () => {
    // raw: 1,100 × 0.75 × 0.8 = 660 h → 33,000; calibrated × 0.5 → 16,500
    assert.ok(Math.abs(a.valuation.benefit.likely - 33000) < 1e-6);
    assert.ok(Math.abs((a.calibration?.valuation.benefit.likely ?? 0) - 16500) < 1e-6);
    assert.equal(a.calibration?.factor, 0.5);
    assert.equal(assessValue(input).calibration, null);
  });
});
