import { z } from 'zod';
import { workflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import type { Engine } from '../../engine/runtime/engine.ts';
import type { StepRegistry } from '../../engine/steps/step-type.ts';
import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { runTimes, type StepTimeFact, summariseRuns, summariseSteps, summariseTimes } from './run-stats.domain.ts';
import { createRunsRepository } from './runs.repository.ts';

type RunRowWithNames = NonNullable<Awaited<ReturnType<ReturnType<typeof createRunsRepository>['find']>>>;

const idCursor = z.object({ id: z.string() });

/** Statistics read at most this many runs and step rows of a period (the newest). */
const STATS_MAX_RUNS = 50_000;
const STATS_MAX_STEPS = 250_000;

export function createRunsService(deps: { db: Db; clock: Clock; audit: AuditLog; engine: Engine; registry: StepRegistry }) {
  const repo = createRunsRepository(deps.db);

  const durationMs = (r: { started_at: string | null; finished_at: string | null }) =>
    r.started_at && r.finished_at ? new Date(r.finished_at).getTime() - new Date(r.started_at).getTime() : null;

  function summary(r: RunRowWithNames) {
    return {
      id: r.id,
      workflowId: r.workflow_id,
      workflowName: r.workflow_name,
      version: Number(r.version),
      status: r.status,
      triggerType: r.trigger_type,
      createdAt: r.created_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      durationMs: durationMs(r),
      activeMs: Number(r.active_ms),
      error: r.error_json ? (JSON.parse(r.error_json) as { code: string; message: string }) : null,
    };
  }

  async function value(json: string | null): Promise<unknown> {
    if (json === null) return null;
    const v = JSON.parse(json) as unknown;
    if (v && typeof v === 'object' && typeof (v as { $blob?: unknown }).$blob === 'string') {
      const data = await repo.blob((v as { $blob: string }).$blob);
      return data === null ? null : JSON.parse(data);
    }
    return v;
  }

  async function audited(actor: Actor, action: string, runId: string, work: () => Promise<void>): Promise<void> {
    authorize(actor, 'runs.operate');
    const before = await repo.find(runId);
    if (!before) throw notFound('Run', runId);
    await work();
    await deps.audit.record(deps.db, actor, {
      action,
      objectType: 'run',
      objectId: runId,
      before: { status: before.status },
      after: { status: (await repo.find(runId))?.status },
    });
  }

  return {
    async list(
      actor: Actor,
      query: { workflowId?: string | undefined; status?: string | undefined; limit: number; cursor?: string | undefined },
    ) {
      authorize(actor, 'workflows.read');
      const rows = await repo.list(query, query.limit + 1, decodeCursor(query.cursor, idCursor)?.id);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { items: page.map(summary), nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'workflows.read');
      const run = await repo.find(id);
      if (!run) throw notFound('Run', id);
      const definition = workflowDefinition.parse(JSON.parse(run.definition_json));
      const names = new Map(definition.nodes.map((n) => [n.id, n.name]));
      const steps = [];
      for (const s of await repo.steps(id)) {
        steps.push({
          id: s.id,
          nodeId: s.node_id,
          nodeName: names.get(s.node_id) ?? s.node_id,
          itemKey: s.item_key,
          seq: Number(s.seq),
          status: s.status,
          attempt: Number(s.attempt),
          input: await value(s.input_json),
          output: await value(s.output_json),
          error: s.error_json ? JSON.parse(s.error_json) : null,
          startedAt: s.started_at,
          finishedAt: s.finished_at,
          activeMs: Number(s.active_ms),
          nextAt: s.next_at,
        });
      }
      return { ...summary(run), definition, steps, parentRunId: run.parent_run_id };
    },

    retry: (actor: Actor, id: string) => audited(actor, 'run.retry', id, () => deps.engine.retry(id)),

    cancel: (actor: Actor, id: string) => audited(actor, 'run.cancel', id, () => deps.engine.cancel(id)),

    async rerun(actor: Actor, id: string, fromNodeId: string, input: unknown) {
      authorize(actor, 'runs.operate');
      const runId = await deps.engine.rerunFrom(id, fromNodeId, input, actor.userId);
      await deps.audit.record(deps.db, actor, {
        action: 'run.rerun',
        objectType: 'run',
        objectId: runId,
        after: { from: id, fromNodeId, inputEdited: input !== undefined },
      });
      return { runId };
    },

    /**
     * A workflow's runs of the last `days` days as data: counts, success rate, durations, where
     * the time went (working, waiting for machines, waiting for people) and per-step figures
     * (run-stats.domain.ts has the formulas).
     */
    async stats(actor: Actor, workflowId: string, days = 90) {
      authorize(actor, 'workflows.read');
      if (!(await repo.workflowExists(workflowId))) throw notFound('Workflow', workflowId);
      const since = new Date(deps.clock.now().getTime() - days * 86_400_000).toISOString();
      const facts = await repo.facts(workflowId, since, STATS_MAX_RUNS);
      const stepRows = await repo.stepFacts(workflowId, since, STATS_MAX_STEPS);
      // Each node's name and kind, from the newest version that has it.
      const nodes = new Map<string, { name: string; type: string; category: string }>();
      const versionNodes = new Map<string, Map<string, string>>();
      for (const v of await repo.definitions([...new Set(facts.map((f) => f.version_id))])) {
        const types = new Map<string, string>();
        for (const n of workflowDefinition.parse(JSON.parse(v.definition_json)).nodes) {
          types.set(n.id, n.type);
          if (!nodes.has(n.id)) nodes.set(n.id, { name: n.name, type: n.type, category: deps.registry.get(n.type)?.category ?? 'unknown' });
        }
        versionNodes.set(v.id, types);
      }
      const position = new Map([...nodes.keys()].map((id, i) => [id, i]));
      const order = (nodeId: string) => position.get(nodeId) ?? Number.MAX_SAFE_INTEGER;
      const versionOf = new Map(facts.map((f) => [f.id, f.version_id]));
      const isHuman = (runId: string, nodeId: string) => {
        const type = versionNodes.get(versionOf.get(runId) ?? '')?.get(nodeId);
        return type !== undefined && deps.registry.get(type)?.category === 'human';
      };
      const stepsByRun = new Map<string, StepTimeFact[]>();
      const stepFacts: StepTimeFact[] = stepRows.map((r) => {
        const fact: StepTimeFact = {
          nodeId: r.node_id,
          status: r.status,
          attempt: Number(r.attempt),
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          activeMs: Number(r.active_ms),
          human: isHuman(r.run_id, r.node_id),
        };
        const list = stepsByRun.get(r.run_id) ?? [];
        list.push(fact);
        stepsByRun.set(r.run_id, list);
        return fact;
      });
      const times = facts
        .filter((f) => f.status === 'succeeded' || f.status === 'failed')
        .map((f) =>
          runTimes({ startedAt: f.started_at, finishedAt: f.finished_at, activeMs: Number(f.active_ms) }, stepsByRun.get(f.id) ?? []),
        )
        .filter((t) => t !== null);
      return {
        days,
        since,
        truncated: facts.length >= STATS_MAX_RUNS || stepRows.length >= STATS_MAX_STEPS,
        ...summariseRuns(facts.map((f) => ({ status: f.status, createdAt: f.created_at, durationMs: durationMs(f) }))),
        time: summariseTimes(times),
        // In the order of the definition (the newest version's first), steps of older versions after.
        steps: summariseSteps(stepFacts)
          .map((s) => {
            const node = nodes.get(s.nodeId);
            return { ...s, name: node?.name ?? s.nodeId, type: node?.type ?? null, category: node?.category ?? null };
          })
          .sort((a, b) => order(a.nodeId) - order(b.nodeId)),
      };
    },
  };
}

export type RunsService = ReturnType<typeof createRunsService>;
