import type { TimeFigure, WorkflowStats } from '../api/workflowTypes.ts';

export interface TimeShare {
  key: 'working' | 'machineWait' | 'humanWait';
  label: string;
  figure: TimeFigure;
  /** Share of all the ended runs' time, 0–1 (0 when there was none). */
  share: number;
}

const LABELS: Record<TimeShare['key'], string> = {
  working: 'Working',
  machineWait: 'Waiting for machines',
  humanWait: 'Waiting for people',
};

/** Working, machine-waiting and human-waiting time with each one's share of the total (they add up to it). */
export function timeShares(time: WorkflowStats['time']): TimeShare[] {
  const keys: TimeShare['key'][] = ['working', 'machineWait', 'humanWait'];
  const total = keys.reduce((sum, k) => sum + time[k].totalMs, 0);
  return keys.map((key) => ({ key, label: LABELS[key], figure: time[key], share: total === 0 ? 0 : time[key].totalMs / total }));
}

/** "42 %", "< 1 %" for a share above zero that rounds to nothing, "0 %". */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return '< 1 %';
  return `${Math.round(share * 100)} %`;
}
