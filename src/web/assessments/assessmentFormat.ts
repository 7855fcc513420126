import type { MaybeThreePoint } from './assessmentTypes.ts';

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export const formatMoney = (x: number | null) => (x === null ? '—' : whole.format(x));
export const formatNumber = (x: number | null) => (x === null ? '—' : oneDecimal.format(x));
export const formatPercent = (x: number | null) => (x === null ? '—' : `${whole.format(x * 100)} %`);
/** Months of payback; null means the scenario never pays back. */
export const formatMonths = (x: number | null) => (x === null ? 'no payback' : `${oneDecimal.format(x)} mo`);

/** "low / likely / high" with a formatter. */
export function formatRange(r: MaybeThreePoint, f: (x: number | null) => string): string {
  return `${f(r.low)} / ${f(r.likely)} / ${f(r.high)}`;
}
