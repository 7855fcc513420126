import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessValue } from './valuation.domain.ts';
import {
  actualValueQuery,
  answerSetSchema,
  assessmentValueSchema,
  easeWeightsSchema,
  fieldIssues,
  minutesAnswerSchema,
  workingTimeSchema,
} from './value.schemas.ts';

const valid = {
  volumetry: { frequency: 'daily', volume: 40, minutesPerCase: 6, hourlyCost: 50, applications: ['ERP'] },
  potential: { ruleBasedShare: 0.9 },
  cost: { buildHours: { low: 60, likely: 80, high: 120 }, builderHourlyCost: 75 },
};

const issuesOf = (schema: { safeParse: (x: unknown) => { success: boolean; error?: unknown } }, body: unknown) => {
  const r = schema.safeParse(body);
  assert.equal(r.success, false, 'expected the body to be rejected');
  return fieldIssues(r.error as Parameters<typeof fieldIssues>[0]);
};

describe('assessmentValueSchema', () => {
  it('accepts a minimal assessment and fills the defaults', () => {
    const r = assessmentValueSchema.parse(valid);
    assert.equal(r.volumetry.errorRate, 0);
    assert.equal(r.volumetry.reviewShare, 0);
    assert.equal(r.potential.variants, 1);
    assert.equal(r.discountRate, 0.08);
    // and what it parses to is what the domain takes: 40 × 220 × 6 / 60 = 880 h
    assert.equal(assessValue(r).asIs.hours.likely, 880);
  });

  it('rejects a negative volume and an error rate above 100 % with their field paths', () => {
    const issues = issuesOf(assessmentValueSchema, { ...valid, volumetry: { ...valid.volumetry, volume: -3, errorRate: 1.2 } });
    assert.deepEqual(issues, [
      { path: 'volumetry.volume', message: 'At least 0' },
      { path: 'volumetry.errorRate', message: 'At most 1 (1 = 100 %)' },
    ]);
  });

  it('rejects a three-point estimate whose low is above its high, or whose likely is outside it', () => {
    const issues = issuesOf(assessmentValueSchema, {
      ...valid,
      volumetry: { ...valid.volumetry, hourlyCost: { low: 60, likely: 50, high: 40 } },
      cost: { ...valid.cost, buildHours: { low: 60, likely: 200, high: 120 } },
    });
    assert.deepEqual(issues, [
      { path: 'volumetry.hourlyCost.low', message: 'low is above high' },
      { path: 'cost.buildHours.likely', message: 'likely is outside low–high' },
    ]);
  });

  it('rejects an unknown frequency, a missing cost and a discount rate above 100 %', () => {
    const paths = issuesOf(assessmentValueSchema, {
      volumetry: { ...valid.volumetry, frequency: 'fortnightly' },
      potential: valid.potential,
      discountRate: 1.5,
    }).map((i) => i.path);
    assert.deepEqual(paths, ['volumetry.frequency', 'cost', 'discountRate']);
  });

  it('rejects shares above 1 in potential, ease and adoption', () => {
    const paths = issuesOf(assessmentValueSchema, {
      ...valid,
      potential: { ruleBasedShare: 1.1 },
      ease: { stability: 6, dataClass: 'secret' },
      benefit: { adoption: { low: 0.5, likely: 0.8, high: 1.2 } },
    }).map((i) => i.path);
    assert.deepEqual(paths, ['potential.ruleBasedShare', 'ease.stability', 'ease.dataClass', 'benefit.adoption.high']);
  });
});

describe('the other value schemas', () => {
  it('defaults the working time to 220 days of 8 hours and rejects a day longer than 24 hours', () => {
    assert.deepEqual(workingTimeSchema.parse({}), { daysPerYear: 220, hoursPerDay: 8 });
    assert.deepEqual(issuesOf(workingTimeSchema, { hoursPerDay: 25 }), [{ path: 'hoursPerDay', message: 'At most 24 hours' }]);
  });

  it('needs a weight for every ease factor, none negative', () => {
    const weights = { applications: 2, steps: 1, decisionPoints: 1, unstructuredShare: 2, ruleBasedShare: 2, stability: 2 };
    const rest = { exceptionRate: 1, peakRatio: 0.5, legacySystems: 1, dataClass: 1, uptime: -1 };
    assert.deepEqual(issuesOf(easeWeightsSchema, { ...weights, ...rest }), [{ path: 'uptime', message: 'At least 0' }]);
    assert.deepEqual(
      issuesOf(easeWeightsSchema, weights).map((i) => i.path),
      ['exceptionRate', 'peakRatio', 'legacySystems', 'dataClass', 'uptime'],
    );
  });

  it('bounds the weekly minutes answer by the minutes of a week', () => {
    assert.equal(minutesAnswerSchema.parse({ minutesPerWeek: 45 }).minutesPerWeek, 45);
    assert.deepEqual(issuesOf(minutesAnswerSchema, { minutesPerWeek: 20000 }), [
      { path: 'minutesPerWeek', message: 'At most 10080 minutes' },
    ]);
  });

  it('needs a window that ends after it starts', () => {
    assert.deepEqual(issuesOf(actualValueQuery, { from: '2026-11-30T00:00:00Z', to: '2026-11-02T00:00:00Z' }), [
      { path: 'to', message: 'to must be after from' },
    ]);
  });

  it('accepts answers of the question kinds and rejects others', () => {
    assert.equal(answerSetSchema.safeParse({ version: 1, answers: { a: 'x', b: ['y'], c: 3 } }).success, true);
    assert.deepEqual(
      issuesOf(answerSetSchema, { version: 0, answers: { a: { nested: true } } }).map((i) => i.path),
      ['version', 'answers.a'],
    );
  });
});
