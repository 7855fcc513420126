import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { automationPotential } from './potential.domain.ts';

describe('automationPotential', () => {
  it('multiplies what each penalty leaves', () => {
    // (1 − 0.1) × (1 − 0.5 × 0.2) × (1 − 0.8 × 0.1) × (1 − 0.05 × 2) = 0.9 × 0.9 × 0.92 × 0.9 = 0.67068
    const ap = automationPotential({ ruleBasedShare: 0.9, unstructuredShare: 0.2, nonDigitalShare: 0.1, variants: 3 });
    assert.ok(Math.abs(ap.potential - 0.67068) < 1e-9);
    assert.deepEqual(
      ap.factors.map((f) => [f.factor, Number(f.penalty.toFixed(4))]),
      [
        ['ruleBasedShare', 0.1],
        ['unstructuredShare', 0.1],
        ['nonDigitalShare', 0.08],
        ['variants', 0.1],
      ],
    );
  });

  it('is 100 % for a rule-based, structured, digital, single-path process', () => {
    assert.equal(automationPotential({ ruleBasedShare: 1, unstructuredShare: 0, nonDigitalShare: 0, variants: 1 }).potential, 1);
  });

  it('is zero when every case needs judgement', () => {
    assert.equal(automationPotential({ ruleBasedShare: 0, unstructuredShare: 0, nonDigitalShare: 0, variants: 1 }).potential, 0);
  });

  it('caps the variant penalty at a half', () => {
    assert.equal(automationPotential({ ruleBasedShare: 1, unstructuredShare: 0, nonDigitalShare: 0, variants: 40 }).potential, 0.5);
  });
});
