import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { requireWrite, rolesFor } from '../ideas/idea-access.ts';
import { calibrationFactor, MIN_CALIBRATION_SAMPLE } from './actual-value.domain.ts';
import { type AutomationRow, contributors, countBy, type DashboardIdea, valueCsv, valueSeries, velocity } from './dashboard.domain.ts';
import { createValueRepository } from './value.repository.ts';
import type { DashboardQuery, SettingsInput, WindowQuery } from './value-api.schemas.ts';
import { expectedOfRow, measureIdeas, type ValueIdeaRow } from './value-measure.ts';

const DAY = 86_400_000;
/** The default window: the 12 weeks up to now. */
const DEFAULT_DAYS = 84;
const MAX_DAYS = 731;
/** Calibration looks at the last 90 days of each live automation. */
export const CALIBRATION_DAYS = 90;

function windowError(message: string) {
  return new AppError('VALIDATION_FAILED', {
    status: 400,
    userMessage: `Some fields are not valid: from: ${message}`,
    details: { issues: [{ in: 'querystring', path: 'from', message }] },
  });
}

/** [from, to) in epoch ms: a date-only `to` counts its whole day; no `to` means up to and including now. */
export function resolveWindow(query: WindowQuery, now: number): { from: number; to: number } {
  const to = query.to ? Date.parse(query.to) + (/^\d{4}-\d{2}-\d{2}$/.test(query.to) ? DAY : 0) : now + 1;
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_DAYS * DAY;
  if (Number.isNaN(from) || Number.isNaN(to)) throw windowError('not a date');
  if (from >= to) throw windowError('`from` must be before `to`');
  if (to - from > MAX_DAYS * DAY) throw windowError(`the window is at most ${MAX_DAYS} days`);
  return { from, to };
}

export interface ValueDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  /** Workflows created from each author's templates in [from, to) (ISO), by author id. */
  templateReuses?: (from: string, to: string) => Promise<ReadonlyMap<string, number>>;
}

/**
 * Measured value: what each live automation really saved (from the engine's runs and the human
 * time on their tasks, or from its people's answers when it is personal), against what was
 * expected; the calibration factor per category; the settings that tune a measurement; and the
 * programme dashboard. The formulas are in actual-value.domain.ts, measured-value.domain.ts and
 * dashboard.domain.ts.
 */
export function createValueService(deps: ValueDeps) {
  const repo = createValueRepository(deps.db);
  const now = () => deps.clock.now().getTime();

  async function ideaRow(id: string): Promise<ValueIdeaRow> {
    const [row] = await repo.ideas({ ids: [id] });
    if (!row) throw notFound('Idea', id);
    return row;
  }

  function mayEdit(actor: Actor, row: ValueIdeaRow): boolean {
    if (actor.userId !== null && actor.userId === row.builder_id) return true;
    const roles = rolesFor(actor, row);
    return roles.has('admin') || roles.has('programme_manager');
  }

  async function mayAnswer(actor: Actor, row: ValueIdeaRow): Promise<boolean> {
    if (!actor.userId || row.kind !== 'personal') return false;
    if (actor.userId === row.builder_id || actor.userId === row.submitter_id) return true;
    return (await repo.supporters(row.id)).some((s) => s.user_id === actor.userId);
  }

  async function calibrationOf(categoryId: string): Promise<number | null> {
    const to = now() + 1;
    const rows = await repo.ideas({ categoryId, phase: 'live' });
    const measured = await measureIdeas(repo, rows, to - CALIBRATION_DAYS * DAY, to);
    return calibrationFactor(measured.map((m) => m.realisation));
  }

  const settingsView = (row: ValueIdeaRow, updatedAt: string | null = null) => ({
    kind: (row.kind === 'personal' ? 'personal' : 'process') as 'process' | 'personal',
    minutesSavedPerRun: row.minutes_saved_per_run,
    hourlyCost: row.hourly_cost,
    promptEveryDays: row.prompt_every_days ?? 7,
    lastPromptedAt: row.last_prompted_at,
    updatedAt,
  });

  async function measureFiltered(query: DashboardQuery, window: { from: number; to: number }) {
    if (query.teamId && !(await repo.team(query.teamId))) throw notFound('Team', query.teamId);
    if (query.categoryId && !(await repo.category(query.categoryId))) throw notFound('Category', query.categoryId);
    const live = await repo.ideas({ categoryId: query.categoryId, teamId: query.teamId, phase: 'live' });
    return measureIdeas(repo, live, window.from, window.to);
  }

  return {
    /** The category's calibration factor (median realisation of its live automations, ≥ 3 of them), or null. */
    calibrationOf,

    async expectedOf(actor: Actor, ideaId: string) {
      authorize(actor, 'ideas.read');
      return expectedOfRow(await ideaRow(ideaId));
    },

    /** One idea: its settings, expected value and (when live) measured value week by week. */
    async ideaValue(actor: Actor, ideaId: string, query: WindowQuery) {
      authorize(actor, 'ideas.read');
      const row = await ideaRow(ideaId);
      const window = resolveWindow(query, now());
      const [measured] = row.phase === 'live' ? await measureIdeas(repo, [row], window.from, window.to) : [];
      const stored = await repo.settings(ideaId);
      const answers = actor.userId ? await repo.answers([ideaId], new Date(0).toISOString(), new Date(window.to).toISOString()) : [];
      return {
        idea: { id: row.id, name: row.name, phase: row.phase, categoryId: row.category_id },
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
        settings: settingsView(row, stored?.updated_at ?? null),
        expected: expectedOfRow(row),
        measured: measured ?? null,
        calibration: await calibrationOf(row.category_id),
        canEdit: mayEdit(actor, row),
        canAnswer: await mayAnswer(actor, row),
        myAnswers: answers
          .filter((a) => a.user_id === actor.userId)
          .slice(-10)
          .map((a) => ({ minutesPerWeek: a.minutes_per_week, answeredAt: a.answered_at })),
      };
    },

    async settings(actor: Actor, ideaId: string) {
      authorize(actor, 'ideas.read');
      const row = await ideaRow(ideaId);
      return settingsView(row, (await repo.settings(ideaId))?.updated_at ?? null);
    },

    /** Changes how an idea's value is measured: its builder or a programme manager (audited). */
    async updateSettings(actor: Actor, ideaId: string, input: SettingsInput) {
      requireWrite(actor);
      const row = await ideaRow(ideaId);
      if (!mayEdit(actor, row)) throw forbidden("Only the idea's builder or a programme manager may change how its value is measured.");
      const at = deps.clock.now().toISOString();
      await deps.db.transaction().execute(async (trx) => {
        const before = await repo.settings(ideaId, trx);
        const next = {
          idea_id: ideaId,
          kind: input.kind ?? before?.kind ?? 'process',
          minutes_saved_per_run:
            input.minutesSavedPerRun === undefined ? (before?.minutes_saved_per_run ?? null) : input.minutesSavedPerRun,
          hourly_cost: input.hourlyCost === undefined ? (before?.hourly_cost ?? null) : input.hourlyCost,
          prompt_every_days: input.promptEveryDays ?? before?.prompt_every_days ?? 7,
          last_prompted_at: before?.last_prompted_at ?? null,
          updated_by: actor.userId,
          updated_at: at,
        };
        await repo.saveSettings(next, trx);
        await deps.audit.record(trx, actor, {
          action: 'idea.value_settings',
          objectType: 'idea',
          objectId: ideaId,
          before: before ?? null,
          after: next,
        });
      });
      return settingsView(await ideaRow(ideaId), at);
    },

    /** An answer to "minutes saved per week?" of a personal automation, by its builder, submitter or a supporter. */
    async answer(actor: Actor, ideaId: string, minutesPerWeek: number) {
      requireWrite(actor);
      const row = await ideaRow(ideaId);
      if (row.kind !== 'personal') {
        throw conflict(
          'VALUE_NOT_PERSONAL',
          'Only personal-productivity automations ask for minutes saved; this one is measured from its runs.',
        );
      }
      if (!(await mayAnswer(actor, row))) throw forbidden("Only the automation's builder, submitter and supporters answer for it.");
      const at = deps.clock.now().toISOString();
      const answer = { id: newId(), idea_id: ideaId, user_id: actor.userId as string, minutes_per_week: minutesPerWeek, answered_at: at };
      await deps.db.transaction().execute(async (trx) => {
        await repo.insertAnswer(answer, trx);
        await deps.audit.record(trx, actor, {
          action: 'idea.value_answer',
          objectType: 'idea',
          objectId: ideaId,
          after: { minutesPerWeek },
        });
      });
      return { minutesPerWeek, answeredAt: at };
    },

    /** The per-automation rows alone (CSV export, CLI). */
    async automations(actor: Actor, query: DashboardQuery): Promise<AutomationRow[]> {
      authorize(actor, 'ideas.read');
      return measureFiltered(query, resolveWindow(query, now()));
    },

    async exportCsv(actor: Actor, query: DashboardQuery): Promise<string> {
      authorize(actor, 'ideas.read');
      return valueCsv(await measureFiltered(query, resolveWindow(query, now())));
    },

    /** The programme dashboard over a window, for a category, a team or everything. */
    async dashboard(actor: Actor, query: DashboardQuery, templateReuses?: ReadonlyMap<string, number>) {
      authorize(actor, 'ideas.read');
      const window = resolveWindow(query, now());
      const rows = await measureFiltered(query, window);
      const ideaRows = await repo.dashboardIdeas(query);
      const live = new Map((await repo.liveSince(ideaRows.map((i) => i.id))).map((l) => [l.idea_id, l.at as string]));
      const ideas: DashboardIdea[] = ideaRows.map((i) => ({
        id: i.id,
        phase: i.phase,
        teamId: i.team_id,
        submitterId: i.submitter_id,
        builderId: i.builder_id,
        createdAt: i.created_at,
        liveSince: live.get(i.id) ?? null,
      }));
      const reuses =
        templateReuses ??
        (await deps.templateReuses?.(new Date(window.from).toISOString(), new Date(window.to).toISOString())) ??
        new Map<string, number>();
      const people = contributors(ideas, rows, reuses);
      const names = new Map(
        (await repo.userNames([...people.submitters.map((s) => s.userId), ...people.builders.map((b) => b.userId)])).map((u) => [
          u.id,
          u.name,
        ]),
      );
      const teams = new Map((await repo.teams()).map((t) => [t.id, t.name]));
      const categories = await repo.categories();
      const vel = velocity(ideas, window.from, window.to);
      const expected = rows.reduce((s, r) => s + r.expected, 0);
      const actual = rows.reduce((s, r) => s + r.actual, 0);
      const categoryIds = [...new Set(rows.map((r) => r.categoryId))];
      return {
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
        kpis: {
          ideas: ideas.length,
          live: rows.length,
          expected,
          actual,
          realisation: expected > 0 ? actual / expected : null,
          actualHours: rows.reduce((s, r) => s + r.actualHours, 0),
          medianDaysToLive: vel.medianDaysToLive,
        },
        byPhase: countBy(ideas, (i) => i.phase).map((c) => ({ phase: c.key, count: c.count })),
        byTeam: countBy(ideas, (i) => i.teamId ?? '').map((c) => ({
          teamId: c.key || null,
          name: c.key ? (teams.get(c.key) ?? c.key) : 'No team',
          count: c.count,
        })),
        velocity: vel,
        series: valueSeries(rows, window.from, window.to),
        contributors: {
          submitters: people.submitters.map((s) => ({ ...s, id: s.userId, name: names.get(s.userId) ?? s.userId })),
          builders: people.builders.map((b) => ({ ...b, id: b.userId, name: names.get(b.userId) ?? b.userId })),
        },
        automations: rows,
        calibration: categoryIds.map((id) => {
          const mine = rows.filter((r) => r.categoryId === id);
          return {
            categoryId: id,
            name: categories.find((c) => c.id === id)?.name ?? id,
            factor: calibrationFactor(
              mine.map((r) => r.realisation),
              MIN_CALIBRATION_SAMPLE,
            ),
            sample: mine.filter((r) => r.realisation !== null).length,
          };
        }),
      };
    },
  };
}

export type ValueService = ReturnType<typeof createValueService>;
