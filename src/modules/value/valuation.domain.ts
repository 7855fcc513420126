import { type BenefitInput, type CostInput, type Valuation, valuate } from './benefit.domain.ts';
import { type Ease, type EaseFactor, type EaseInput, easeOfImplementation } from './ease.domain.ts';
import { rangeOf, SCENARIOS, type Scenario, type ThreePoint } from './estimate.domain.ts';
import { automationPotential, type Potential, type PotentialInput } from './potential.domain.ts';
import { asIs, DEFAULT_WORKING_TIME, type Volumetry, type WorkingTime } from './volumetry.domain.ts';

/** Everything a detailed assessment asks for. */
export interface AssessmentInput {
  volumetry: Volumetry;
  potential: PotentialInput;
  /** Ease factors; `applications` defaults to the number of applications in the volumetry. */
  ease?: EaseInput;
  benefit?: BenefitInput;
  cost: CostInput;
  discountRate?: number;
  workingTime?: WorkingTime;
}

export interface AssessmentFigures {
  asIs: { cases: ThreePoint; hours: ThreePoint; cost: ThreePoint; fte: ThreePoint };
  potential: Potential;
  ease: Ease;
  valuation: Valuation;
  /** The category's calibration factor, when it has one, and the valuation it gives. */
  calibration: { factor: number; valuation: Valuation } | null;
}

/**
 * The detailed assessment in one call: AS-IS (three-point), automation potential, ease of
 * implementation (the volumetry's application count fills in the ease factor when not given),
 * the valuation, and — when the category has a calibration factor — the same valuation with
 * hours saved and errors avoided scaled by it, shown beside the raw one.
 */
export function assessValue(
  input: AssessmentInput,
  calibrationFactor: number | null = null,
  easeWeights?: Readonly<Record<EaseFactor, number>>,
): AssessmentFigures {
  const time = input.workingTime ?? DEFAULT_WORKING_TIME;
  const byScenario = Object.fromEntries(SCENARIOS.map((s) => [s, asIs(input.volumetry, s, time)])) as Record<
    Scenario,
    ReturnType<typeof asIs>
  >;
  const of = (key: 'casesPerYear' | 'hoursPerYear' | 'costPerYear' | 'fte') =>
    rangeOf({ pessimistic: byScenario.pessimistic[key], likely: byScenario.likely[key], optimistic: byScenario.optimistic[key] });
  const potential = automationPotential(input.potential);
  const ease = easeOfImplementation({ applications: input.volumetry.applications.length || undefined, ...input.ease }, easeWeights);
  const valueInput = {
    volumetry: input.volumetry,
    potential: potential.potential,
    benefit: input.benefit,
    cost: input.cost,
    discountRate: input.discountRate,
  };
  return {
    asIs: { cases: of('casesPerYear'), hours: of('hoursPerYear'), cost: of('costPerYear'), fte: of('fte') },
    potential,
    ease,
    valuation: valuate(valueInput, time),
    calibration:
      calibrationFactor === null
        ? null
        : { factor: calibrationFactor, valuation: valuate({ ...valueInput, calibration: calibrationFactor }, time) },
  };
}
