import { csvField } from '../../platform/audit-log/audit-log.domain.ts';
import { median, weekOf } from './actual-value.domain.ts';

/**
 * The programme dashboard's figures, from facts the service reads: ideas by phase and team,
 * idea velocity, estimated versus realised value week by week, and top contributors. Pure.
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface DashboardIdea {
  id: string;
  phase: string;
  teamId: string | null;
  submitterId: string | null;
  builderId: string | null;
  createdAt: string;
  /** When it last went live (ISO), null if never. */
  liveSince: string | null;
}

export interface WeekValue {
  /** Monday (UTC) of the week, YYYY-MM-DD. */
  week: string;
  expected: number;
  actual: number;
}

/** One live automation's row in the dashboard table and the CSV export. */
export interface AutomationRow {
  ideaId: string;
  name: string;
  kind: 'process' | 'personal';
  categoryId: string;
  teamId: string | null;
  submitterId: string | null;
  builderId: string | null;
  liveSince: string | null;
  source: 'assessment' | 'quick-screen';
  minutesSavedPerRun: number;
  hourlyCost: number;
  expectedPerYear: number;
  /** Expected value over the measured window (expected per year × days / 365.25). */
  expected: number;
  /** Measured value over the window (runs, or self-reported minutes for personal automations). */
  actual: number;
  actualHours: number;
  humanHours: number;
  runs: number;
  succeededRuns: number;
  realisation: number | null;
  weeks: WeekValue[];
}

/** Mondays (UTC) of every week that overlaps [from, to). */
export function weeksBetween(from: number, to: number): string[] {
  const out: string[] = [];
  if (to <= from) return out;
  for (let at = Date.parse(weekOf(from)); at < to; at += WEEK) out.push(new Date(at).toISOString().slice(0, 10));
  return out;
}

/** Expected value in each week: expected per year × the days of the week inside the measured window / 365.25. */
export function expectedByWeek(expectedPerYear: number, window: { from: number; to: number } | null, weeks: readonly string[]) {
  return weeks.map((week) => {
    if (!window) return 0;
    const start = Date.parse(week);
    const overlap = Math.max(0, Math.min(start + WEEK, window.to) - Math.max(start, window.from));
    return (expectedPerYear * overlap) / DAY / 365.25;
  });
}

/** Counts by a key, largest first (ties by key). */
export function countBy<T>(items: readonly T[], key: (item: T) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Idea velocity over [from, to): ideas submitted per week (every week of the window, zeros
 * included), and the median days from submission to live of the ideas that went live in it.
 *
 * @example
 * // submitted on 2 Nov, live on 12 Nov: 10 days; another 4 days → median 7
 */
export function velocity(ideas: readonly DashboardIdea[], from: number, to: number) {
  const weeks = weeksBetween(from, to);
  const perWeek = new Map(weeks.map((w) => [w, 0]));
  let submitted = 0;
  const days: number[] = [];
  for (const idea of ideas) {
    const created = Date.parse(idea.createdAt);
    if (created >= from && created < to) {
      submitted += 1;
      const w = weekOf(created);
      perWeek.set(w, (perWeek.get(w) ?? 0) + 1);
    }
    const live = idea.liveSince === null ? null : Date.parse(idea.liveSince);
    if (live !== null && live >= from && live < to) days.push((live - created) / DAY);
  }
  return {
    submitted,
    wentLive: days.length,
    medianDaysToLive: median(days),
    submittedPerWeek: weeks.map((week) => ({ week, count: perWeek.get(week) ?? 0 })),
  };
}

/** Estimated versus realised value of all automations, week by week (every week of the window). */
export function valueSeries(rows: readonly AutomationRow[], from: number, to: number): WeekValue[] {
  const series = new Map(weeksBetween(from, to).map((week) => [week, { week, expected: 0, actual: 0 }]));
  for (const row of rows) {
    for (const w of row.weeks) {
      const s = series.get(w.week);
      if (!s) continue;
      s.expected += w.expected;
      s.actual += w.actual;
    }
  }
  return [...series.values()];
}

export interface Contributors {
  submitters: { userId: string; ideas: number; liveIdeas: number; realisedValue: number }[];
  builders: { userId: string; liveAutomations: number; realisedValue: number; templateReuses: number }[];
}

/**
 * Top contributors: submitters by ideas submitted (then realised value of their live ideas),
 * builders by live automations (then realised value). `templateReuses` is the hook for reuse
 * credit (workflows others created from a builder's templates); authors whose templates were
 * reused join the builders even without a live automation of their own.
 */
export function contributors(
  ideas: readonly DashboardIdea[],
  rows: readonly AutomationRow[],
  templateReuses: ReadonlyMap<string, number> = new Map(),
  limit = 10,
): Contributors {
  const realised = new Map(rows.map((r) => [r.ideaId, r.actual]));
  const subs = new Map<string, Contributors['submitters'][number]>();
  const builders = new Map<string, Contributors['builders'][number]>();
  for (const idea of ideas) {
    const value = realised.get(idea.id) ?? 0;
    const live = idea.phase === 'live';
    if (idea.submitterId) {
      const s = subs.get(idea.submitterId) ?? { userId: idea.submitterId, ideas: 0, liveIdeas: 0, realisedValue: 0 };
      s.ideas += 1;
      if (live) s.liveIdeas += 1;
      s.realisedValue += value;
      subs.set(idea.submitterId, s);
    }
    if (idea.builderId && live) {
      const b = builders.get(idea.builderId) ?? {
        userId: idea.builderId,
        liveAutomations: 0,
        realisedValue: 0,
        templateReuses: templateReuses.get(idea.builderId) ?? 0,
      };
      b.liveAutomations += 1;
      b.realisedValue += value;
      builders.set(idea.builderId, b);
    }
  }
  // Template authors whose templates others built on count as builders too.
  for (const [userId, reuses] of templateReuses) {
    if (reuses > 0 && !builders.has(userId)) builders.set(userId, { userId, liveAutomations: 0, realisedValue: 0, templateReuses: reuses });
  }
  return {
    submitters: [...subs.values()]
      .sort((a, b) => b.ideas - a.ideas || b.realisedValue - a.realisedValue || a.userId.localeCompare(b.userId))
      .slice(0, limit),
    builders: [...builders.values()]
      .sort(
        (a, b) =>
          b.liveAutomations - a.liveAutomations ||
          b.realisedValue - a.realisedValue ||
          b.templateReuses - a.templateReuses ||
          a.userId.localeCompare(b.userId),
      )
      .slice(0, limit),
  };
}

export const VALUE_CSV_COLUMNS = [
  'idea_id',
  'name',
  'kind',
  'live_since',
  'source',
  'minutes_saved_per_run',
  'hourly_cost',
  'expected_per_year',
  'expected',
  'actual',
  'realisation',
  'runs',
  'succeeded_runs',
  'actual_hours',
  'human_hours',
] as const;

const round = (v: number | null, digits = 2) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

/** The per-automation table as RFC 4180 CSV (CRLF; fields quoted as needed; formula-looking text defused). */
export function valueCsv(rows: readonly AutomationRow[]): string {
  const lines = [VALUE_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const cells = [
      r.ideaId,
      r.name,
      r.kind,
      r.liveSince,
      r.source,
      round(r.minutesSavedPerRun),
      round(r.hourlyCost),
      round(r.expectedPerYear),
      round(r.expected),
      round(r.actual),
      round(r.realisation, 4),
      r.runs,
      r.succeededRuns,
      round(r.actualHours, 4),
      round(r.humanHours, 4),
    ];
    lines.push(cells.map((c) => (typeof c === 'number' ? String(c) : csvField(c))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
