import type { RunStep } from '../api/workflowTypes.ts';

export interface TimelineBar {
  id: string;
  label: string;
  status: string;
  /** Offset from the run's first step start, in ms. */
  startMs: number;
  durationMs: number;
  /** Left edge and width as percentages of the whole span (width at least 0.5 so it shows). */
  left: number;
  width: number;
}

/**
 * Gantt bars for the steps that started: each from its start to its finish (or to `now` while
 * it runs), scaled to the span from the first start to the last end.
 */
export function timelineBars(steps: readonly RunStep[], now: number): { bars: TimelineBar[]; spanMs: number } {
  const timed = steps
    .filter((s) => s.startedAt)
    .map((s) => {
      const start = Date.parse(s.startedAt as string);
      const end = s.finishedAt ? Date.parse(s.finishedAt) : Math.max(start, now);
      return { step: s, start, end: Math.max(end, start) };
    })
    .sort((a, b) => a.start - b.start || a.step.seq - b.step.seq);
  if (timed.length === 0) return { bars: [], spanMs: 0 };
  const first = Math.min(...timed.map((t) => t.start));
  const last = Math.max(...timed.map((t) => t.end));
  const span = Math.max(last - first, 1);
  const bars = timed.map(({ step, start, end }) => {
    const left = ((start - first) / span) * 100;
    return {
      id: step.id,
      label: step.itemKey ? `${step.nodeName} [${step.itemKey}]` : step.nodeName,
      status: step.status,
      startMs: start - first,
      durationMs: end - start,
      left: Math.min(left, 99.5),
      width: Math.max(((end - start) / span) * 100, 0.5),
    };
  });
  return { bars, spanMs: last - first };
}
