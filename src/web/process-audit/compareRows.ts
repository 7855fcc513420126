import type { Comparison } from './processAuditTypes.ts';

const HOUR = 3600;
const hours = (s: number | null) => (s === null ? null : Math.round((s / HOUR) * 10) / 10);
const round = (v: number | null, d = 1) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

/**
 * The comparison as table rows (text) and chart values: throughput and waiting in hours, rework
 * in %, people steps, cost in money; `better` says whether the change is an improvement (all
 * of these are better lower), null when there is no change to judge.
 */
export function compareRows(c: Comparison) {
  const row = (
    label: string,
    chartKey: string,
    key: keyof Comparison['change'],
    convert: (v: number | null) => number | null,
    unit: string,
  ) => {
    const b = convert(c.before[key as keyof Comparison['before']] as number | null);
    const a = convert(c.after[key as keyof Comparison['after']] as number | null);
    const change = c.change[key] ?? null;
    return {
      label,
      chartKey,
      before: b === null ? '—' : `${b}${unit}`,
      after: a === null ? '—' : `${a}${unit}`,
      beforeValue: b,
      afterValue: a,
      change: change === null ? '—' : `${change > 0 ? '+' : ''}${Math.round(change * 1000) / 10} %`,
      better: change === null || change === 0 ? null : change < 0,
    };
  };
  return [
    row('Throughput time (median)', 'throughput (median)', 'throughputMedianSeconds', hours, ' h'),
    row('Throughput time (mean)', 'throughput (mean)', 'throughputMeanSeconds', hours, ' h'),
    row('Waiting between steps (mean)', 'waiting (mean)', 'waitingMeanSeconds', hours, ' h'),
    row('Cases with rework', 'rework (%)', 'reworkShare', (v) => (v === null ? null : round(v * 100)), ' %'),
    row('Steps done by people', 'people steps', 'peopleStepsPerCase', (v) => round(v, 2), ''),
    row('Cost of people’s time', 'cost (€)', 'costPerCase', (v) => round(v, 2), ' €'),
  ];
}
