/** The shapes of the assessments API (docs/assessments.md). */

export type Estimate = number | { low: number; likely: number; high: number };

export interface Option {
  value: string;
  label: string;
  score: number;
}

export interface Question {
  key: string;
  label: string;
  help?: string;
  kind: 'single' | 'multi' | 'number' | 'text';
  required: boolean;
  weight: number;
  affectsScore: boolean;
  options?: Option[];
  min?: number;
  max?: number;
  scoreFrom?: number;
  scoreTo?: number;
  maxLength?: number;
}

export interface QuestionnaireView {
  id: string | null;
  categoryId: string;
  version: number;
  title: string;
  questions: Question[];
  builtIn: boolean;
  createdBy: string | null;
  createdAt: string | null;
}

/** The AssessmentValueRequest, as the form edits it. */
export interface ValueInput {
  volumetry: {
    frequency: string;
    volume: Estimate;
    minutesPerCase: Estimate;
    errorRate?: Estimate;
    reworkMinutes?: Estimate;
    reviewShare?: Estimate;
    reviewMinutes?: Estimate;
    hourlyCost: Estimate;
    applications: string[];
  };
  potential: { ruleBasedShare: number; unstructuredShare?: number; nonDigitalShare?: number; variants?: number };
  ease?: Record<string, number | string | undefined>;
  benefit?: { adoption?: Estimate; costPerError?: Estimate; otherBenefits?: Estimate };
  cost: {
    buildHours: Estimate;
    builderHourlyCost: number;
    buildOtherCost?: Estimate;
    platformCostPerYear?: Estimate;
    maintenanceShare?: Estimate;
    supportHoursPerYear?: Estimate;
  };
  discountRate?: number;
}

export interface ThreePoint {
  low: number;
  likely: number;
  high: number;
  expected: number;
  sd: number;
}
export interface MaybeThreePoint {
  low: number | null;
  likely: number | null;
  high: number | null;
  expected: number | null;
}

export interface Valuation {
  hoursAsIs: ThreePoint;
  costAsIs: ThreePoint;
  hoursSaved: ThreePoint;
  benefit: ThreePoint;
  build: ThreePoint;
  run: ThreePoint;
  net: ThreePoint;
  payback: MaybeThreePoint;
  roi: MaybeThreePoint;
  npv: ThreePoint;
  verdict: 'viable' | 'uncertain' | 'not-viable';
}

export interface Figures {
  asIs: { cases: ThreePoint; hours: ThreePoint; cost: ThreePoint; fte: ThreePoint };
  potential: { potential: number; factors: { factor: string; input: number; penalty: number; multiplier: number }[] };
  ease: {
    ease: number;
    bucket: 'easy' | 'medium' | 'hard';
    factors: { factor: string; input: number | string; score: number; weight: number; pointsLost: number }[];
  };
  valuation: Valuation;
  calibration: { factor: number; valuation: Valuation } | null;
}

export interface Assessment {
  questionnaireVersion: number;
  questionnaireOutdated: boolean;
  answers: Record<string, unknown>;
  input: ValueInput;
  figures: Figures;
  questionnaireScore: number | null;
  ease: number;
  easeBucket: string;
  netValuePerYear: number;
  verdict: 'viable' | 'uncertain' | 'not-viable';
  minutesSavedPerRun: number;
  revision: number;
  updatedAt: string;
}

export interface IdeaAssessment {
  ideaId: string;
  ideaName: string;
  questionnaire: QuestionnaireView;
  assessment: Assessment | null;
  draft: ValueInput | null;
  calibrationFactor: number | null;
  canAssess: boolean;
}

export interface Preview {
  figures: Figures;
  questionnaireScore: { score: number | null; coverage: number | null };
  answerIssues: { path: string; message: string }[];
  minutesSavedPerRun: number;
}

export interface MatrixItem {
  ideaId: string;
  name: string;
  categoryName: string;
  phase: string;
  status: string;
  ease: number;
  easeBucket: string;
  netValuePerYear: number;
  valueNorm: number;
  quadrant: 'quick-win' | 'strategic-bet' | 'fill-in' | 'avoid';
  verdict: string;
}

export interface Matrix {
  items: MatrixItem[];
  notAssessed: number;
  thresholds: { value: number; ease: number };
}

export const VERDICT_COLOR = { viable: 'green', uncertain: 'yellow', 'not-viable': 'red' } as const;
export const VERDICT_LABEL = { viable: 'Viable', uncertain: 'Uncertain', 'not-viable': 'Not viable' } as const;
export const QUADRANT_LABEL = {
  'quick-win': 'Quick wins',
  'strategic-bet': 'Strategic bets',
  'fill-in': 'Fill-ins',
  avoid: 'Avoid',
} as const;
