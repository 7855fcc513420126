/** GET /api/v1/event-logs, /api/v1/process-analyses (src/modules/audit/event-logs.schemas.ts). */
export interface EventLogView {
  id: string;
  name: string;
  format: string;
  sourceFile: string;
  numEvents: number;
  numCases: number;
  numActivities: number;
  numVariants: number;
  skippedEvents: number;
  firstEventAt: string;
  lastEventAt: string;
  createdAt: string;
}

export interface Analysis {
  eventLog: { id: string; name: string; source: 'import' | 'workflow' };
  cases: { total: number; kept: number };
  numEvents: number;
  timeRange: { from: string; to: string } | null;
  activities: {
    name: string;
    events: number;
    cases: number;
    reworkCases: number;
    selfLoops: number;
    repetitions: number;
    repeatSameResource: number;
    redoOtherResource: number;
    starts: number;
    ends: number;
  }[];
  dfg: { source: string; target: string; count: number; meanSeconds: number; medianSeconds: number; maxSeconds: number }[];
  numVariants: number;
  variants: { index: number; activities: string[]; count: number; coverage: number; meanDurationSeconds: number }[];
  caseDuration: { count: number; mean: number; median: number; min: number; max: number } | null;
  caseDurationHistogram: { from: number; to: number; count: number }[];
  caseArrivalAverageSeconds: number;
  resources: { name: string; events: number; cases: number }[];
  handovers: { source: string; target: string; count: number }[];
  candidates: {
    activity: string;
    score: number;
    events: number;
    cases: number;
    medianWaitSeconds: number | null;
    reworkRate: number;
    handoverRate: number;
    resources: number;
    contributions: Record<string, number>;
    casesPerWeek: number;
    medianMinutes: number | null;
  }[];
  caseAttributes: { name: string; values: { value: string; cases: number }[] }[];
  heuristics: {
    dependency: { source: string; target: string; dependency: number; count: number }[];
    keptEdges: { source: string; target: string; dependency: number; count: number; loopTwo: boolean }[];
  };
}

export interface ProcessFigures {
  name: string;
  source: 'import' | 'workflow';
  cases: number;
  throughputMedianSeconds: number | null;
  throughputMeanSeconds: number | null;
  waitingMeanSeconds: number | null;
  reworkShare: number | null;
  peopleStepsPerCase: number | null;
  costPerCase: number | null;
}

export interface Comparison {
  before: ProcessFigures;
  after: ProcessFigures;
  change: Record<
    'throughputMedianSeconds' | 'throughputMeanSeconds' | 'waitingMeanSeconds' | 'reworkShare' | 'peopleStepsPerCase' | 'costPerCase',
    number | null
  >;
  cost: { hourlyCost: number; minutesPerPeopleStep: number };
}
