import { actualValue, realisation, selfReportedValue } from './actual-value.domain.ts';
import { type AutomationRow, expectedByWeek, weeksBetween } from './dashboard.domain.ts';
import { type ExpectedValue, expectedValue, measuredWindow, runValueFacts } from './measured-value.domain.ts';
import type { ValueRepository } from './value.repository.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export type ValueIdeaRow = Awaited<ReturnType<ValueRepository['ideas']>>[number];

/** The expected value of an idea row: its assessment when assessed, else its quick screen; settings override. */
export function expectedOfRow(row: ValueIdeaRow): ExpectedValue {
  const assessed =
    row.hours_saved_per_year === null ||
    row.net_value_per_year === null ||
    row.assessed_minutes_per_run === null ||
    row.assessed_hourly_cost === null
      ? null
      : {
          netValuePerYear: row.net_value_per_year,
          hoursSavedPerYear: row.hours_saved_per_year,
          minutesSavedPerRun: row.assessed_minutes_per_run,
          hourlyCost: row.assessed_hourly_cost,
        };
  return expectedValue(
    { frequencyPeriod: row.frequency_period, frequencyCount: row.frequency_count, minutesPerCase: row.minutes_per_case },
    assessed,
    { minutesSavedPerRun: row.minutes_saved_per_run, hourlyCost: row.hourly_cost },
  );
}

/**
 * Measures ideas over [from, to) from the engine's records: for each, its linked workflows'
 * ended runs and the human time on their tasks (process automations), or its people's answers
 * to the "minutes saved per week?" prompt (personal ones). Reads every run and task of the
 * window in two queries, whatever the number of ideas.
 */
export async function measureIdeas(
  repo: ValueRepository,
  rows: readonly ValueIdeaRow[],
  from: number,
  to: number,
): Promise<AutomationRow[]> {
  const ids = rows.map((r) => r.id);
  const fromIso = new Date(from).toISOString();
  const toIso = new Date(to).toISOString();
  const [live, links] = await Promise.all([repo.liveSince(ids), repo.links(ids)]);
  const liveSince = new Map(live.map((l) => [l.idea_id, l.at as string]));
  const workflowIds = [...new Set(links.map((l) => l.workflow_id))];
  const [runs, tasks, answers] = await Promise.all([
    repo.runs(workflowIds, fromIso, toIso),
    repo.tasks(workflowIds, fromIso, toIso),
    repo.answers(ids, fromIso, toIso),
  ]);
  const weeks = weeksBetween(from, to);
  return rows.map((row) => {
    const expected = expectedOfRow(row);
    const since = liveSince.get(row.id) ?? null;
    const window = measuredWindow(from, to, since === null ? null : Date.parse(since));
    const days = window ? (window.to - window.from) / DAY : 0;
    const expectedWeeks = expectedByWeek(expected.valuePerYear, window, weeks);
    const kind = row.kind === 'personal' ? 'personal' : 'process';
    let actual = 0;
    let actualHours = 0;
    let humanHours = 0;
    let runCount = 0;
    let succeeded = 0;
    let actualWeeks: number[] = weeks.map(() => 0);
    if (window && kind === 'process') {
      const mine = new Set(links.filter((l) => l.idea_id === row.id).map((l) => l.workflow_id));
      const myRuns = runs.filter((r) => mine.has(r.workflow_id));
      const runIds = new Set(myRuns.map((r) => r.id));
      const facts = runValueFacts(
        myRuns.map((r) => ({ id: r.id, status: r.status, finishedAt: r.finished_at })),
        tasks
          .filter((t) => t.run_id !== null && runIds.has(t.run_id))
          .map((t) => ({
            runId: t.run_id as string,
            kind: t.kind,
            status: t.status,
            claimedAt: t.claimed_at,
            closedAt: t.closed_at,
            spentMinutes: t.spent_minutes === null || t.spent_minutes === undefined ? null : Number(t.spent_minutes),
          })),
      );
      const av = actualValue(facts, { minutesSavedPerRun: expected.minutesSavedPerRun, hourlyCost: expected.hourlyCost, ...window });
      actual = av.value;
      actualHours = av.hours;
      humanHours = av.humanHours;
      runCount = av.runs;
      succeeded = av.succeededRuns;
      const byWeek = new Map(av.weeks.map((w) => [w.period, w.value]));
      actualWeeks = weeks.map((w) => byWeek.get(w) ?? 0);
    } else if (window) {
      const mine = answers
        .filter((a) => a.idea_id === row.id)
        .map((a) => ({ userId: a.user_id, minutesPerWeek: a.minutes_per_week, answeredAt: a.answered_at }));
      const sr = selfReportedValue(mine, expected.hourlyCost, window.from, window.to);
      actual = (sr.valuePerWeek * days) / 7;
      actualHours = (sr.hoursPerWeek * days) / 7;
      // Week by week: the answers given in that week (a week without answers counts nothing).
      actualWeeks = weeks.map((w) => {
        const start = Math.max(Date.parse(w), window.from);
        const end = Math.min(Date.parse(w) + WEEK, window.to);
        return start < end ? selfReportedValue(mine, expected.hourlyCost, start, end).valuePerWeek : 0;
      });
    }
    return {
      ideaId: row.id,
      name: row.name,
      kind,
      categoryId: row.category_id,
      teamId: row.team_id,
      submitterId: row.submitter_id,
      builderId: row.builder_id,
      liveSince: since,
      source: expected.source,
      minutesSavedPerRun: expected.minutesSavedPerRun,
      hourlyCost: expected.hourlyCost,
      expectedPerYear: expected.valuePerYear,
      expected: (expected.valuePerYear * days) / 365.25,
      actual,
      actualHours,
      humanHours,
      runs: runCount,
      succeededRuns: succeeded,
      realisation: realisation(actual, expected.valuePerYear, days),
      weeks: weeks.map((week, i) => ({ week, expected: expectedWeeks[i] ?? 0, actual: actualWeeks[i] ?? 0 })),
    } satisfies AutomationRow;
  });
}
