import { z } from 'zod';
import { type WorkflowDefinition, workflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import type { ExpressionEngine } from '../../engine/expressions/expressions.ts';
import type { Engine } from '../../engine/runtime/engine.ts';
import { resolveTemplates } from '../../engine/runtime/templates.ts';
import type { StepRegistry } from '../../engine/steps/step-type.ts';
import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Db, isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { checkDefinition, requireValidDefinition } from './workflow-check.ts';
import { diffWorkflows } from './workflow-diff.domain.ts';
import { createWorkflowsRepository, type WorkflowRow } from './workflows.repository.ts';
import type { WorkflowDetail, WorkflowSummary } from './workflows.schemas.ts';

export interface WorkflowsDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  engine: Engine;
  registry: StepRegistry;
  expressions: ExpressionEngine;
  /** Base URL for webhook links (SYMBIONT_PUBLIC_URL), when known. */
  publicUrl?: string | undefined;
  /** Schedules and polling triggers of live versions. */
  triggers: { sync(workflowId: string): Promise<void> };
  /** Called in the publish transaction with the new live definition (e.g. to give a form trigger its link). */
  onPublish?: (trx: Db, actor: Actor, workflowId: string, definition: WorkflowDefinition) => Promise<void>;
}

const nameCursor = z.object({ name: z.string(), id: z.string() });

const STARTER: WorkflowDefinition = {
  schemaVersion: 1,
  nodes: [{ id: 'start', type: 'trigger.manual', name: 'Start', config: {}, position: { x: 0, y: 0 } }],
  edges: [],
  settings: {},
};

function webhookPathOf(def: WorkflowDefinition): string | null {
  const trigger = def.nodes.find((n) => n.type === 'trigger.webhook');
  const path = (trigger?.config as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : null;
}

const pathTaken = (path: string) =>
  new AppError('WEBHOOK_PATH_TAKEN', {
    status: 409,
    userMessage: `Another live workflow already listens on /webhooks/${path}.`,
    details: { issues: [{ in: 'body', path: 'definition.nodes.config.path', message: 'Already in use' }] },
  });

export function createWorkflowsService(deps: WorkflowsDeps) {
  const repo = createWorkflowsRepository(deps.db);
  const now = () => deps.clock.now().toISOString();
  const webhookCache = new Map<string, { at: number; hit: Awaited<ReturnType<typeof repo.findByWebhookPath>> }>();

  function summary(row: WorkflowRow, last?: { id: string; status: string; created_at: string }): WorkflowSummary {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      status: row.status,
      teamId: row.team_id,
      publishedVersion: row.published_version === null ? null : Number(row.published_version),
      webhookPath: row.webhook_path,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastRun: last ? { id: last.id, status: last.status, createdAt: last.created_at } : null,
    };
  }

  async function load(id: string, trx: Db = deps.db): Promise<WorkflowRow> {
    const row = await repo.find(id, trx);
    if (!row) throw notFound('Workflow', id);
    return row;
  }

  async function detail(row: WorkflowRow): Promise<WorkflowDetail> {
    const last = (await repo.lastRuns([row.id])).get(row.id);
    return {
      ...summary(row, last),
      definition: JSON.parse(row.draft_json),
      publishedVersionId: row.published_version_id,
      webhookUrl: row.webhook_path ? `${deps.publicUrl ?? ''}/webhooks/${row.webhook_path}` : null,
    };
  }

  const auditView = (row: Pick<WorkflowRow, 'name' | 'description' | 'status' | 'draft_json' | 'team_id'>) => ({
    name: row.name,
    description: row.description,
    status: row.status,
    teamId: row.team_id,
    definition: JSON.parse(row.draft_json),
  });

  /** The owning team to store: null clears it; an id must name a team (400 TEAM_NOT_FOUND otherwise). */
  async function owningTeam(teamId: string | null | undefined, trx: Db): Promise<string | null | undefined> {
    if (teamId === undefined || teamId === null) return teamId;
    if (!(await repo.teamExists(teamId, trx))) {
      throw new AppError('TEAM_NOT_FOUND', { status: 400, userMessage: `No team has the id ${teamId}.`, details: { path: 'teamId' } });
    }
    return teamId;
  }

  async function definitionOfVersion(workflowId: string, version: number | 'draft'): Promise<WorkflowDefinition> {
    if (version === 'draft') return workflowDefinition.parse(JSON.parse((await load(workflowId)).draft_json));
    const row = await repo.findVersion(workflowId, version);
    if (!row) throw notFound('Version', String(version));
    return workflowDefinition.parse(JSON.parse(row.definition_json));
  }

  return {
    check: (actor: Actor, definition: unknown) => {
      authorize(actor, 'workflows.read');
      const { issues } = checkDefinition(definition, deps.registry, deps.expressions);
      return { ok: issues.length === 0, issues };
    },

    async list(
      actor: Actor,
      query: {
        q?: string | undefined;
        status?: string | undefined;
        teamId?: string | undefined;
        limit: number;
        cursor?: string | undefined;
      },
    ) {
      authorize(actor, 'workflows.read');
      const rows = await repo.list(query, query.limit + 1, decodeCursor(query.cursor, nameCursor));
      const page = rows.slice(0, query.limit);
      const last = await repo.lastRuns(page.map((r) => r.id));
      const tail = page.at(-1);
      return {
        items: page.map((r) => summary(r, last.get(r.id))),
        nextCursor: rows.length > query.limit && tail ? encodeCursor({ name: tail.name, id: tail.id }) : null,
      };
    },

    async get(actor: Actor, id: string): Promise<WorkflowDetail> {
      authorize(actor, 'workflows.read');
      return detail(await load(id));
    },

    /**
     * Creates a draft workflow. `within` runs in the same transaction once the row is written,
     * for callers whose own records must exist together with it (an idea's link, a template use).
     */
    async create(
      actor: Actor,
      input: { name: string; description?: string; teamId?: string | null | undefined; definition?: unknown },
      within?: (trx: Db, created: { id: string; name: string }) => Promise<void>,
    ): Promise<WorkflowDetail> {
      // A team's builders build the team's workflows; one without a team needs a global grant.
      authorize(actor, 'workflows.build', { teamId: input.teamId ?? null });
      const definition =
        input.definition === undefined ? STARTER : requireValidDefinition(input.definition, deps.registry, deps.expressions);
      const at = now();
      const row = {
        id: newId(),
        name: input.name,
        description: input.description ?? '',
        status: 'draft',
        draft_json: JSON.stringify(definition),
        published_version_id: null,
        webhook_path: null,
        team_id: null as string | null,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      };
      await deps.db.transaction().execute(async (trx) => {
        row.team_id = (await owningTeam(input.teamId, trx)) ?? null;
        await repo.insert(row, trx);
        await deps.audit.record(trx, actor, { action: 'workflow.create', objectType: 'workflow', objectId: row.id, after: auditView(row) });
        await within?.(trx, { id: row.id, name: row.name });
      });
      return detail({ ...row, published_version: null });
    },

    async update(
      actor: Actor,
      id: string,
      input: { name?: string | undefined; description?: string | undefined; teamId?: string | null | undefined; definition?: unknown },
    ): Promise<WorkflowDetail> {
      authorize(actor, 'workflows.build', { teamId: (await load(id)).team_id });
      if (input.teamId !== undefined) authorize(actor, 'workflows.build', { teamId: input.teamId });
      const definition =
        input.definition === undefined ? undefined : requireValidDefinition(input.definition, deps.registry, deps.expressions);
      const row = await deps.db.transaction().execute(async (trx) => {
        const before = await load(id, trx);
        const patch = {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.description === undefined ? {} : { description: input.description }),
          ...(input.teamId === undefined ? {} : { team_id: (await owningTeam(input.teamId, trx)) ?? null }),
          ...(definition === undefined ? {} : { draft_json: JSON.stringify(definition) }),
          updated_at: now(),
        };
        await repo.update(id, patch, trx);
        const after = { ...before, ...patch };
        await deps.audit.record(trx, actor, {
          action: 'workflow.update',
          objectType: 'workflow',
          objectId: id,
          before: auditView(before),
          after: auditView(after),
        });
        return after;
      });
      return detail(row);
    },

    /** Makes the draft the live version: a new numbered version, the webhook path claimed. */
    async publish(actor: Actor, id: string, note: string) {
      authorize(actor, 'workflows.publish', { teamId: (await load(id)).team_id });
      let published: { id: string; version: number; note: string; createdAt: string; createdBy: string | null };
      try {
        published = await deps.db.transaction().execute(async (trx) => {
          const before = await load(id, trx);
          if (before.status === 'archived')
            throw new AppError('CONFLICT', { status: 409, userMessage: 'Restore the workflow before publishing it.' });
          const definition = requireValidDefinition(JSON.parse(before.draft_json), deps.registry, deps.expressions);
          const version = await repo.nextVersion(id, trx);
          const at = now();
          const versionRow = {
            id: newId(),
            workflow_id: id,
            version,
            kind: 'published',
            definition_json: JSON.stringify(definition),
            note,
            created_by: actor.userId,
            created_at: at,
          };
          await repo.insertVersion(versionRow, trx);
          const webhookPath = webhookPathOf(definition);
          await repo.update(id, { published_version_id: versionRow.id, status: 'active', webhook_path: webhookPath, updated_at: at }, trx);
          await deps.onPublish?.(trx, actor, id, definition);
          await deps.audit.record(trx, actor, {
            action: 'workflow.publish',
            objectType: 'workflow',
            objectId: id,
            before: { publishedVersion: before.published_version, webhookPath: before.webhook_path },
            after: { publishedVersion: version, webhookPath, note },
          });
          webhookCache.clear();
          return { id: versionRow.id, version, note, createdAt: at, createdBy: actor.userId };
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          const path = webhookPathOf(workflowDefinition.parse(JSON.parse((await load(id)).draft_json)));
          throw pathTaken(path ?? '');
        }
        throw error;
      }
      await deps.triggers.sync(id);
      return published;
    },

    async archive(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'workflows.publish', { teamId: (await load(id)).team_id });
      await deps.db.transaction().execute(async (trx) => {
        const before = await load(id, trx);
        await repo.update(id, { status: 'archived', webhook_path: null, updated_at: now() }, trx);
        await deps.audit.record(trx, actor, {
          action: 'workflow.archive',
          objectType: 'workflow',
          objectId: id,
          before: { status: before.status, webhookPath: before.webhook_path },
          after: { status: 'archived', webhookPath: null },
        });
      });
      webhookCache.clear();
      await deps.triggers.sync(id);
    },

    async versions(actor: Actor, id: string) {
      authorize(actor, 'workflows.read');
      await load(id);
      const rows = await repo.listVersions(id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          version: Number(r.version),
          note: r.note,
          createdAt: r.created_at,
          createdBy: r.created_by_name ?? null,
        })),
      };
    },

    async version(actor: Actor, id: string, version: number) {
      authorize(actor, 'workflows.read');
      const row = await repo.findVersion(id, version);
      if (!row) throw notFound('Version', String(version));
      return {
        id: row.id,
        version: Number(row.version),
        note: row.note,
        createdAt: row.created_at,
        createdBy: row.created_by_name ?? null,
        definition: JSON.parse(row.definition_json),
      };
    },

    async diff(actor: Actor, id: string, from: number, to: number | 'draft') {
      authorize(actor, 'workflows.read');
      return diffWorkflows(await definitionOfVersion(id, from), await definitionOfVersion(id, to));
    },

    /** Starts a run of the live version (or of the draft, as a test snapshot). */
    async startRun(actor: Actor, id: string, input: { input?: unknown; draft?: boolean }) {
      const row = await load(id);
      authorize(actor, 'workflows.build', { teamId: row.team_id });
      let versionId = row.published_version_id;
      if (input.draft || !versionId) {
        if (!input.draft)
          throw new AppError('WORKFLOW_NOT_PUBLISHED', { status: 409, userMessage: 'Publish the workflow first, or run the draft.' });
        const definition = requireValidDefinition(JSON.parse(row.draft_json), deps.registry, deps.expressions);
        versionId = newId();
        await repo.insertVersion({
          id: versionId,
          workflow_id: id,
          version: 0,
          kind: 'test',
          definition_json: JSON.stringify(definition),
          note: 'draft test run',
          created_by: actor.userId,
          created_at: now(),
        });
      }
      const started = await deps.engine.startRun({
        workflowId: id,
        versionId,
        triggerType: 'manual',
        data: input.input ?? {},
        startedBy: actor.userId,
        inline: true,
      });
      return { runId: started.runId };
    },

    /** Runs one step of the draft with sample input, outside any run. */
    async testStep(actor: Actor, id: string, nodeId: string, input: unknown) {
      const row = await load(id);
      authorize(actor, 'workflows.build', { teamId: row.team_id });
      const def = workflowDefinition.parse(JSON.parse(row.draft_json));
      const node = def.nodes.find((n) => n.id === nodeId);
      if (!node) throw notFound('Node', nodeId);
      const type = deps.registry.get(node.type);
      if (!type) throw notFound('Step type', node.type);
      const bindings = { trigger: input, nodes: {}, run: { id: 'test', workflowId: id, startedAt: now() } };
      const config = await resolveTemplates(node.config, input, bindings, deps.expressions, type.rawFields ?? []);
      const parsed = type.config.safeParse(config);
      if (!parsed.success) {
        throw new AppError('STEP_INPUT_INVALID', {
          status: 400,
          userMessage: `The settings of "${node.name}" are not valid.`,
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        });
      }
      let response: unknown = null;
      const result = await type.execute(parsed.data, input, {
        runId: 'test',
        workflowId: id,
        nodeId,
        scope: '',
        attempt: 1,
        idempotencyKey: `test:${newId()}`,
        signal: AbortSignal.timeout(node.timeoutMs ?? 30_000),
        clock: deps.clock,
        log: { info() {}, warn() {}, error() {} },
        expressions: deps.expressions,
        bindings,
        resumeState: null,
        credential: null,
        respond: (r) => {
          response = r;
        },
        startChild: async () => {
          throw new AppError('NOT_SUPPORTED', { status: 400, userMessage: 'Sub-workflows do not run in a step test; run the workflow.' });
        },
      });
      if (result.kind === 'done') return { output: result.output ?? null, response };
      if (result.kind === 'loop') return { output: result.items, response };
      return { output: { waitsUntil: result.until?.toISOString() ?? null }, response };
    },

    async exportFile(actor: Actor, id: string) {
      authorize(actor, 'workflows.read');
      const row = await load(id);
      return {
        format: 'symbiont.workflow' as const,
        version: 1 as const,
        name: row.name,
        description: row.description,
        definition: JSON.parse(row.draft_json),
      };
    },

    /** The live version behind a webhook path (cached for 2 s; publishing clears it). */
    async webhookTarget(path: string) {
      const cached = webhookCache.get(path);
      if (cached && Date.now() - cached.at < 2000) return cached.hit;
      const hit = await repo.findByWebhookPath(path);
      if (webhookCache.size > 10_000) webhookCache.clear();
      webhookCache.set(path, { at: Date.now(), hit });
      return hit;
    },

    stepTypes(actor: Actor) {
      authorize(actor, 'workflows.read');
      return {
        items: deps.registry.all().map((t) => ({
          type: t.type,
          title: t.title,
          description: t.description,
          category: t.category,
          configSchema: z.toJSONSchema(t.config, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>,
          rawFields: [...(t.rawFields ?? [])],
        })),
      };
    },
  };
}

export type WorkflowsService = ReturnType<typeof createWorkflowsService>;
