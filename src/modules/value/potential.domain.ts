/**
 * Automation potential AP: the share of today's hands-on time a workflow can take over,
 * before adoption. Starts at 100 % and takes one documented penalty per factor:
 * AP = Π_j (1 − p_j).
 */

export interface PotentialInput {
  /** Share of cases that follow rules (no human judgement), 0–1. */
  ruleBasedShare: number;
  /** Share of cases whose input is unstructured (free text, scans, e-mails in prose), 0–1. */
  unstructuredShare: number;
  /** Share of cases whose input arrives on paper or by phone, 0–1. */
  nonDigitalShare: number;
  /** Distinct ways the process runs (1 = one path). */
  variants: number;
}

export interface PotentialFactor {
  factor: keyof PotentialInput;
  input: number;
  /** p_j, 0–1. */
  penalty: number;
  /** 1 − p_j: what the factor leaves of the potential. */
  multiplier: number;
}

export interface Potential {
  /** AP, 0–1. */
  potential: number;
  factors: PotentialFactor[];
}

/** Penalty per variant beyond the first, and its cap. */
export const VARIANT_PENALTY = 0.05;
export const VARIANT_PENALTY_CAP = 0.5;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * AP = Π_j (1 − p_j) with the penalties:
 *
 * - judgement: p = 1 − rule-based share (cases that need a person stay manual);
 * - unstructured input: p = 0.5 × unstructured share (document extraction handles about half
 *   of that work, a person checks the rest);
 * - non-digital input: p = 0.8 × non-digital share (someone still has to key in or scan it);
 * - variants: p = min(0.5, 0.05 × (variants − 1)) (each extra path to build and keep working).
 *
 * @example
 * automationPotential({ ruleBasedShare: 0.9, unstructuredShare: 0.2, nonDigitalShare: 0.1, variants: 3 })
 * // potential = 0.9 × 0.9 × 0.92 × 0.9 = 0.67068
 */
export function automationPotential(input: PotentialInput): Potential {
  const penalties: Record<keyof PotentialInput, number> = {
    ruleBasedShare: 1 - clamp01(input.ruleBasedShare),
    unstructuredShare: 0.5 * clamp01(input.unstructuredShare),
    nonDigitalShare: 0.8 * clamp01(input.nonDigitalShare),
    variants: Math.min(VARIANT_PENALTY_CAP, VARIANT_PENALTY * Math.max(0, input.variants - 1)),
  };
  const factors = (Object.keys(penalties) as (keyof PotentialInput)[]).map((factor) => ({
    factor,
    input: input[factor],
    penalty: penalties[factor],
    multiplier: 1 - penalties[factor],
  }));
  return { potential: factors.reduce((p, f) => p * f.multiplier, 1), factors };
}
