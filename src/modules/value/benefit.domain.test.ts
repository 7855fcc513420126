import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstYearRoi, npv, paybackMonths, scenarioValue, type ValueInput, valuate } from './benefit.domain.ts';

const near = (actual: number | null, expected: number, tolerance = 1e-2) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `${actual} ≉ ${expected}`);

/** Rounds away binary floating-point noise (0.75 × 0.8 = 0.6000000000000001). */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

// The worked example of docs/formulas.md.
const invoices: ValueInput = {
  volumetry: {
    frequency: 'daily',
    volume: { low: 30, likely: 40, high: 50 },
    minutesPerCase: 6,
    errorRate: 0.05,
    reworkMinutes: 20,
    reviewShare: 0.25,
    reviewMinutes: 2,
    hourlyCost: 50,
    applications: ['ERP', 'e-mail'],
  },
  potential: 0.75,
  benefit: { adoption: { low: 0.6, likely: 0.8, high: 0.9 }, costPerError: 10 },
  cost: { buildHours: { low: 60, likely: 80, high: 120 }, builderHourlyCost: 75, platformCostPerYear: 1200, supportHoursPerYear: 10 },
  discountRate: 0.08,
};

describe('scenarioValue', () => {
  it('computes the likely scenario by hand', () => {
    // AS-IS 1,100 h; saved 1,100 × 0.75 × 0.8 = 660 h; errors avoided 440 × 0.6 = 264
    // V = 660 × 50 + 264 × 10 = 35,640; Build = 80 × 75 = 6,000
    // Run = 1,200 + 0.15 × 6,000 + 10 × 75 = 2,850; Net = 32,790
    // Payback = 6,000 / (32,790 / 12) = 2.196 months; ROI = 26,790 / 6,000 = 4.465
    // NPV = −6,000 + 32,790 × (1/1.08 + 1/1.08² + 1/1.08³) = −6,000 + 32,790 × 2.577097 = 78,503.01
    const s = scenarioValue(invoices, 'likely');
    near(s.hoursSaved, 660, 1e-6);
    near(s.errorsAvoided, 264, 1e-6);
    near(s.benefit, 35640, 1e-6);
    near(s.build, 6000, 1e-6);
    near(s.run, 2850, 1e-6);
    near(s.net, 32790, 1e-6);
    near(s.payback, 2.1958, 1e-4);
    near(s.roi, 4.465, 1e-9);
    near(s.npv, 78503.01);
  });

  it('takes low volume and adoption with the highest build in the pessimistic scenario', () => {
    // 30 × 220 × 7.5 / 60 = 825 h; share 0.75 × 0.6 = 0.45 → 371.25 h and 330 × 0.45 = 148.5 errors
    // V = 18,562.5 + 1,485 = 20,047.5; Build = 120 × 75 = 9,000; Run = 1,200 + 1,350 + 750 = 3,300; Net = 16,747.5
    const s = scenarioValue(invoices, 'pessimistic');
    near(s.benefit, 20047.5, 1e-6);
    near(s.build, 9000, 1e-6);
    near(s.run, 3300, 1e-6);
    near(s.net, 16747.5, 1e-6);
    near(s.payback, 6.4487, 1e-4); // 9,000 × 12 / 16,747.5
  });

  it('multiplies hours saved and errors avoided by the calibration factor', () => {
    // 660 × 0.5 = 330 h; 264 × 0.5 = 132 errors; V = 16,500 + 1,320 = 17,820
    const s = scenarioValue({ ...invoices, calibration: 0.5 }, 'likely');
    near(s.hoursSaved, 330, 1e-6);
    near(s.benefit, 17820, 1e-6);
  });
});

describe('valuate', () => {
  const v = valuate(invoices);

  it('gives each figure as low / likely / high with its PERT expected value and spread', () => {
    // Optimistic: 1,375 h × 0.675 = 928.125 h, 550 × 0.675 = 371.25 errors → V = 46,406.25 + 3,712.5 = 50,118.75;
    // Build 4,500; Run = 1,200 + 675 + 750 = 2,625; Net = 47,493.75
    assert.deepEqual([v.net.low, v.net.likely, v.net.high].map(round), [16747.5, 32790, 47493.75]);
    // E = (16,747.5 + 4 × 32,790 + 47,493.75) / 6 = 195,401.25 / 6; σ = 30,746.25 / 6
    near(v.net.expected, 32566.875, 1e-6);
    near(v.net.sd, 5124.375, 1e-6);
    assert.deepEqual([v.build.low, v.build.likely, v.build.high].map(round), [4500, 6000, 9000]);
  });

  it('orders payback the other way round: the pessimistic scenario is the longest', () => {
    near(v.payback.low, 1.137, 1e-3); // 4,500 × 12 / 47,493.75
    near(v.payback.high, 6.4487, 1e-4);
    // (1.13699 + 4 × 2.19579 + 6.44872) / 6 = 2.7281
    near(v.payback.expected, 2.7281, 1e-3);
    near(v.npv.low, 34159.93);
    near(v.npv.high, 117896.0);
    assert.equal(v.verdict, 'viable');
  });

  it('is not viable, with no payback, when the run cost exceeds the benefit', () => {
    const poor = valuate({ ...invoices, cost: { ...invoices.cost, platformCostPerYear: 60000 } });
    assert.equal(poor.verdict, 'not-viable');
    assert.ok(poor.net.likely < 0);
    assert.equal(poor.payback.likely, null);
    assert.equal(poor.payback.high, null);
    assert.equal(poor.payback.expected, null);
  });

  it('is uncertain when only the pessimistic scenario loses money', () => {
    // Pessimistic Net 16,747.5 − 17,000 < 0; likely 32,790 − 17,000 > 0
    const shaky = valuate({ ...invoices, cost: { ...invoices.cost, platformCostPerYear: 1200 + 17000 } });
    assert.equal(shaky.verdict, 'uncertain');
    assert.equal(shaky.payback.high, null);
    assert.notEqual(shaky.payback.likely, null);
  });

  it('has zero benefit and is not viable for zero volume', () => {
    const none = valuate({ ...invoices, volumetry: { ...invoices.volumetry, volume: 0 } });
    assert.equal(none.benefit.likely, 0);
    near(none.net.likely, -2850, 1e-6);
    assert.equal(none.verdict, 'not-viable');
  });

  it('saves the rework of every case at a 100 % error rate', () => {
    // 8,800 × 26.5 / 60 = 3,886.667 h × 0.6 = 2,332 h; 8,800 × 0.6 = 5,280 errors avoided
    // V = 2,332 × 50 + 5,280 × 10 = 116,600 + 52,800 = 169,400
    const all = scenarioValue({ ...invoices, volumetry: { ...invoices.volumetry, errorRate: 1 } }, 'likely');
    near(all.hoursSaved, 2332, 1e-9);
    near(all.benefit, 169400, 1e-6);
  });

  it('rejects an estimate whose low is above its high', () => {
    assert.throws(() => valuate({ ...invoices, cost: { ...invoices.cost, buildHours: { low: 120, likely: 80, high: 60 } } }), RangeError);
  });
});

describe('paybackMonths, firstYearRoi and npv', () => {
  it('never pays back a zero or negative net value', () => {
    assert.equal(paybackMonths(1000, 0), null);
    assert.equal(paybackMonths(1000, -5), null);
    assert.equal(paybackMonths(0, 100), 0);
    assert.equal(paybackMonths(6000, 12000), 6);
  });

  it('has no first-year ROI without an investment', () => {
    assert.equal(firstYearRoi(0, 500), null);
    assert.equal(firstYearRoi(1000, 1500), 0.5);
    assert.equal(firstYearRoi(1000, -500), -1.5);
  });

  it('adds undiscounted years at a zero rate', () => {
    assert.equal(npv(6000, 32790, 0), 92370); // −6,000 + 3 × 32,790
    // −100 + 110/1.1 + 110/1.21 + 110/1.331 = −100 + 100 + 90.909 + 82.645 = 173.554
    near(npv(100, 110, 0.1), 173.554, 1e-3);
  });
});
