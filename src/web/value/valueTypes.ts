/** The shapes of `/api/v1/value` answers (see src/modules/value/value-api.schemas.ts). */

export interface WeekValue {
  week: string;
  expected: number;
  actual: number;
}

export interface AutomationRow {
  ideaId: string;
  name: string;
  kind: 'process' | 'personal';
  categoryId: string;
  teamId: string | null;
  liveSince: string | null;
  source: 'assessment' | 'quick-screen';
  minutesSavedPerRun: number;
  hourlyCost: number;
  expectedPerYear: number;
  expected: number;
  actual: number;
  actualHours: number;
  humanHours: number;
  runs: number;
  succeededRuns: number;
  realisation: number | null;
  weeks: WeekValue[];
}

export interface ValueDashboard {
  from: string;
  to: string;
  kpis: {
    ideas: number;
    live: number;
    expected: number;
    actual: number;
    realisation: number | null;
    actualHours: number;
    medianDaysToLive: number | null;
  };
  byPhase: { phase: string; count: number }[];
  byTeam: { teamId: string | null; name: string; count: number }[];
  velocity: { submitted: number; wentLive: number; medianDaysToLive: number | null; submittedPerWeek: { week: string; count: number }[] };
  series: WeekValue[];
  contributors: {
    submitters: { id: string; name: string; ideas: number; liveIdeas: number; realisedValue: number }[];
    builders: { id: string; name: string; liveAutomations: number; realisedValue: number; templateReuses: number }[];
  };
  automations: AutomationRow[];
  calibration: { categoryId: string; name: string; factor: number | null; sample: number }[];
}

export interface ValueSettings {
  kind: 'process' | 'personal';
  minutesSavedPerRun: number | null;
  hourlyCost: number | null;
  promptEveryDays: number;
  lastPromptedAt: string | null;
  updatedAt: string | null;
}

export interface IdeaValue {
  idea: { id: string; name: string; phase: string; categoryId: string };
  from: string;
  to: string;
  settings: ValueSettings;
  expected: {
    source: 'assessment' | 'quick-screen';
    hoursPerYear: number;
    valuePerYear: number;
    netValuePerYear: number | null;
    minutesSavedPerRun: number;
    hourlyCost: number;
  };
  measured: AutomationRow | null;
  calibration: number | null;
  canEdit: boolean;
  canAnswer: boolean;
  myAnswers: { minutesPerWeek: number; answeredAt: string }[];
}

export const formatMoney = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 0 });
export const formatPct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
export const formatHours = (v: number) => `${Math.round(v * 10) / 10} h`;
