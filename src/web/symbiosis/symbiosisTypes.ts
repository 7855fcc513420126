/** GET /api/v1/symbiosis (src/modules/symbiosis/symbiosis.schemas.ts). */
export interface SymbiosisFigures {
  runs: number;
  machineSteps: number;
  peopleSteps: number;
  peopleStepShare: number | null;
  machineWorkMs: number;
  peopleMs: number;
  machineWaitMs: number;
  peopleTimeShare: number | null;
  tasksOpened: number;
  tasksClosed: number;
  cycleP50Ms: number | null;
  cycleP90Ms: number | null;
  slaTasks: number;
  slaBreached: number;
  slaBreachRate: number | null;
  exceptions: number;
  exceptionsPer100Runs: number | null;
}

export interface SymbiosisView {
  scope: 'workflow' | 'team' | 'programme';
  workflow: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  weeksCount: number;
  since: string;
  truncated: boolean;
  totals: SymbiosisFigures;
  weeks: (SymbiosisFigures & { week: string })[];
  workflows: (SymbiosisFigures & { workflowId: string; name: string })[];
}
