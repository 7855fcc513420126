import type { SymbiosisView } from './symbiosisTypes.ts';

const HOUR = 3_600_000;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A share (0–1) as a percentage with one decimal; a dash when unknown. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${round(share * 100)} %`;
}

/** Week label for an axis: "Nov 23" from "2026-11-23". */
export function weekLabel(week: string): string {
  const d = new Date(`${week}T00:00:00Z`);
  return d.toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/**
 * Rows for the charts, one per week: steps (people, machine), time in hours (people, machine
 * working, machine waiting), SLA breach rate and exceptions per 100 runs (null when the week has
 * nothing to judge, so the line skips it), and task cycle time p50/p90 in hours.
 */
export function chartRows(view: Pick<SymbiosisView, 'weeks'>) {
  return view.weeks.map((w) => ({
    week: weekLabel(w.week),
    peopleSteps: w.peopleSteps,
    machineSteps: w.machineSteps,
    peopleHours: round(w.peopleMs / HOUR, 2),
    machineWorkHours: round(w.machineWorkMs / HOUR, 3),
    machineWaitHours: round(w.machineWaitMs / HOUR, 2),
    slaBreachPct: w.slaBreachRate === null ? null : round(w.slaBreachRate * 100),
    exceptionsPer100: w.exceptionsPer100Runs === null ? null : round(w.exceptionsPer100Runs),
    cycleP50Hours: w.cycleP50Ms === null ? null : round(w.cycleP50Ms / HOUR, 2),
    cycleP90Hours: w.cycleP90Ms === null ? null : round(w.cycleP90Ms / HOUR, 2),
  }));
}
