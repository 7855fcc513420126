import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asIs, periodsPerYear, type Volumetry } from './volumetry.domain.ts';

const invoices: Volumetry = {
  frequency: 'daily',
  volume: 40,
  minutesPerCase: 6,
  errorRate: 0.05,
  reworkMinutes: 20,
  reviewShare: 0.25,
  reviewMinutes: 2,
  hourlyCost: 50,
  applications: ['ERP', 'e-mail'],
};

describe('periodsPerYear', () => {
  it('counts working days and hours for daily and hourly work, calendar periods otherwise', () => {
    assert.equal(periodsPerYear('hourly'), 1760);
    assert.equal(periodsPerYear('daily'), 220);
    assert.equal(periodsPerYear('daily', { daysPerYear: 200, hoursPerDay: 7.5 }), 200);
    assert.equal(periodsPerYear('hourly', { daysPerYear: 200, hoursPerDay: 7.5 }), 1500);
    assert.equal(periodsPerYear('weekly'), 52);
    assert.equal(periodsPerYear('biweekly'), 26);
    assert.equal(periodsPerYear('monthly'), 12);
    assert.equal(periodsPerYear('quarterly'), 4);
    assert.equal(periodsPerYear('yearly'), 1);
  });
});

describe('asIs', () => {
  it('adds rework and reviews to the minutes per case and turns them into hours, cost and FTE', () => {
    // 40 × 220 = 8,800 cases; 6 + 0.05 × 20 + 0.25 × 2 = 7.5 min; 8,800 × 7.5 / 60 = 1,100 h;
    // × 50 = 55,000; 1,100 / 1,760 = 0.625 FTE; 8,800 × 0.05 = 440 errors.
    assert.deepEqual(asIs(invoices), {
      casesPerYear: 8800,
      minutesPerCase: 7.5,
      hoursPerYear: 1100,
      costPerYear: 55000,
      fte: 0.625,
      errorsPerYear: 440,
    });
  });

  it('is zero for zero volume', () => {
    const a = asIs({ ...invoices, volume: 0 });
    assert.equal(a.hoursPerYear, 0);
    assert.equal(a.costPerYear, 0);
    assert.equal(a.fte, 0);
  });

  it('reworks every case at a 100 % error rate', () => {
    // 6 + 1 × 20 + 0.5 = 26.5 min; 8,800 × 26.5 / 60 = 3,886.67 h
    const a = asIs({ ...invoices, errorRate: 1 });
    assert.equal(a.minutesPerCase, 26.5);
    assert.ok(Math.abs(a.hoursPerYear - 3886.6667) < 1e-3);
    assert.equal(a.errorsPerYear, 8800);
  });

  it('takes the low ends in the pessimistic scenario and the high ends in the optimistic one', () => {
    const v = { ...invoices, volume: { low: 30, likely: 40, high: 50 }, hourlyCost: { low: 40, likely: 50, high: 60 } };
    // 30 × 220 × 7.5 / 60 = 825 h × 40 = 33,000; 50 × 220 × 7.5 / 60 = 1,375 h × 60 = 82,500
    assert.equal(asIs(v, 'pessimistic').costPerYear, 33000);
    assert.equal(asIs(v, 'optimistic').costPerYear, 82500);
  });

  it('uses the working-time parameter for FTE', () => {
    // Weekly: 40 × 52 × 7.5 / 60 = 260 h over a 200 × 5.5 = 1,100-hour year.
    // Daily over 200 days: 40 × 200 × 7.5 / 60 = 1,000 h over a 200 × 5 = 1,000-hour year = 1 FTE.
    assert.equal(asIs({ ...invoices, frequency: 'weekly', volume: 40 }, 'likely', { daysPerYear: 200, hoursPerDay: 5.5 }).fte, 260 / 1100);
    assert.equal(asIs(invoices, 'likely', { daysPerYear: 200, hoursPerDay: 5 }).fte, 1);
  });
});
