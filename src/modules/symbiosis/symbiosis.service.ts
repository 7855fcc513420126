import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { symbiosis, weekStart } from './symbiosis.domain.ts';
import { createSymbiosisRepository } from './symbiosis.repository.ts';

/** The view reads at most this many runs and tasks of a period (the newest). */
const MAX_ROWS = 50_000;
const WEEK = 7 * 86_400_000;

export interface SymbiosisQuery {
  workflowId?: string | undefined;
  teamId?: string | undefined;
  weeks: number;
}

/**
 * The symbiosis view of a workflow, a team's workflows or the whole programme: how work splits
 * between people and the machine, week by week (symbiosis.domain.ts has the formulas).
 */
export function createSymbiosisService(deps: { db: Db; clock: Clock }) {
  const repo = createSymbiosisRepository(deps.db);
  return {
    async view(actor: Actor, query: SymbiosisQuery) {
      authorize(actor, 'workflows.read');
      const team = query.teamId ? await repo.team(query.teamId) : null;
      if (query.teamId && !team) throw notFound('Team', query.teamId);
      const workflows = await repo.workflows(query);
      if (query.workflowId && workflows.length === 0) throw notFound('Workflow', query.workflowId);
      const now = deps.clock.now().getTime();
      const since = new Date(weekStart(now) - (query.weeks - 1) * WEEK).toISOString();
      const ids = workflows.map((w) => w.id);
      const [runs, tasks] = await Promise.all([repo.runs(ids, since, MAX_ROWS), repo.tasks(ids, since, MAX_ROWS)]);
      const result = symbiosis({
        now,
        weeks: query.weeks,
        runs: runs.map((r) => ({
          id: r.id,
          workflowId: r.workflow_id,
          status: r.status,
          createdAt: r.created_at,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          activeMs: Number(r.active_ms),
          steps: Number(r.steps ?? 0),
        })),
        tasks: tasks.map((t) => ({
          runId: t.run_id,
          workflowId: t.workflow_id,
          kind: t.kind,
          status: t.status,
          createdAt: t.created_at,
          closedAt: t.closed_at,
          dueAt: t.due_at,
        })),
      });
      const names = new Map(workflows.map((w) => [w.id, w.name]));
      return {
        scope: (query.workflowId ? 'workflow' : query.teamId ? 'team' : 'programme') as 'workflow' | 'team' | 'programme',
        workflow: query.workflowId ? { id: query.workflowId, name: names.get(query.workflowId) ?? '' } : null,
        team: team ? { id: team.id, name: team.name } : null,
        weeksCount: query.weeks,
        truncated: runs.length >= MAX_ROWS || tasks.length >= MAX_ROWS,
        ...result,
        workflows: result.workflows
          .map((w) => ({ ...w, name: names.get(w.workflowId) ?? w.workflowId }))
          .sort((a, b) => b.peopleMs - a.peopleMs || a.name.localeCompare(b.name)),
      };
    },
  };
}

export type SymbiosisService = ReturnType<typeof createSymbiosisService>;
