import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { workflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { loadTemplate, mayEdit, personOf, requireActive, requireEditor } from './template-access.ts';
import { personalizeDefinition, stripDefinition } from './template-strip.domain.ts';
import { auditView, needsOf, reviewOf, summaryOf } from './template-views.ts';
import type { TemplatesDeps } from './templates.deps.ts';
import { normalizeTags } from './templates.domain.ts';
import type { TemplateRecord } from './templates.repository.ts';
import type { ListTemplatesQuery, PublishTemplateInput, TemplateDetail, UpdateTemplateInput } from './templates.schemas.ts';

const offsetCursor = z.object({ o: z.number().int().min(0) });

const categoryUnknown = (id: string) =>
  new AppError('TEMPLATE_CATEGORY_UNKNOWN', {
    status: 400,
    userMessage: `No idea category has the id ${id}.`,
    details: { issues: [{ in: 'body', path: 'categoryId', message: 'Unknown category' }] },
  });

/** Publishing workflows as templates, the gallery, and creating workflows from templates (uses credited to authors). */
export function createTemplatesService(deps: TemplatesDeps) {
  const { repo } = deps;
  const now = () => deps.clock.now().toISOString();

  async function checkCategory(id: string | null | undefined, trx: Db): Promise<void> {
    if (id && !(await repo.categoryExists(id, trx))) throw categoryUnknown(id);
  }

  /** The workflow's latest published version, stripped of credentials and secrets. */
  async function snapshot(actor: Actor, workflowId: string) {
    const workflow = await deps.workflows.get(actor, workflowId);
    if (workflow.publishedVersion === null) {
      throw new AppError('TEMPLATE_WORKFLOW_NOT_PUBLISHED', {
        status: 409,
        userMessage: 'Publish the workflow first: a template copies its latest published version.',
        details: { issues: [{ in: 'body', path: 'workflowId', message: 'Never published' }] },
      });
    }
    const version = await deps.workflows.version(actor, workflowId, workflow.publishedVersion);
    const stripped = stripDefinition(
      workflowDefinition.parse(version.definition),
      (type) => deps.registry.get(type)?.credentialType ?? null,
    );
    return { workflow, version: version.version, ...stripped };
  }

  async function addVersion(
    trx: Db,
    actor: Actor,
    templateId: string,
    version: number,
    snap: Awaited<ReturnType<typeof snapshot>>,
    note: string,
    at: string,
  ) {
    await repo.insertVersion(
      {
        id: newId(),
        template_id: templateId,
        version,
        definition_json: JSON.stringify(snap.definition),
        needs_json: JSON.stringify(snap.needs),
        workflow_version: snap.version,
        note,
        created_by: actor.userId,
        created_at: at,
      },
      trx,
    );
  }

  async function detail(actor: Actor, row: TemplateRecord): Promise<TemplateDetail> {
    const [current, versions, reviews, ideas] = await Promise.all([
      repo.version(row.id, Number(row.current_version)),
      repo.versions(row.id),
      repo.reviews(row.id),
      repo.ideaNames(row.source_idea_id ? [row.source_idea_id] : []),
    ]);
    const mine = reviews.find((r) => r.user_id === actor.userId);
    return {
      ...summaryOf(row),
      documentation: row.documentation,
      sourceWorkflowId: row.source_workflow_id,
      sourceIdea: ideas[0] ? { id: ideas[0].id, name: ideas[0].name } : null,
      definition: current ? JSON.parse(current.definition_json) : {},
      needs: current ? needsOf(current.needs_json) : [],
      versions: versions.map((v) => ({
        version: Number(v.version),
        note: v.note,
        workflowVersion: v.workflow_version === null ? null : Number(v.workflow_version),
        createdAt: v.created_at,
        createdBy: v.created_by_name ?? null,
      })),
      reviews: reviews.map(reviewOf),
      myReview: mine ? reviewOf(mine) : null,
      canEdit: mayEdit(actor, row),
    };
  }

  async function republishFrom(
    actor: Actor,
    before: TemplateRecord,
    snap: Awaited<ReturnType<typeof snapshot>>,
    note: string,
    meta: Partial<TemplateRecord>,
  ) {
    const at = now();
    const version = Number(before.current_version) + 1;
    await deps.db.transaction().execute(async (trx) => {
      await addVersion(trx, actor, before.id, version, snap, note, at);
      const patch = { ...meta, current_version: version, updated_at: at };
      await repo.update(before.id, patch, trx);
      await deps.audit.record(trx, actor, {
        action: 'template.version',
        objectType: 'template',
        objectId: before.id,
        before: auditView(before),
        after: { ...auditView({ ...before, ...patch }), workflowVersion: snap.version, needs: snap.needs.length, note },
      });
    });
  }

  /**
   * Uses of each author's templates by other people, between `from` (inclusive) and `to`
   * (exclusive) ISO instants, most reused first.
   */
  async function reuseByAuthor(from?: string, to?: string) {
    const rows = await repo.reuseByAuthor(from, to);
    return rows.map((r) => ({
      author: { id: r.author_id, name: r.author_name ?? '(deleted user)' },
      uses: Number(r.uses),
      templates: Number(r.templates),
    }));
  }

  return {
    /**
     * Publishes a workflow's latest published version as a template. When the caller already has
     * an active template made from this workflow, this adds a version to it (history kept).
     */
    async publish(actor: Actor, input: PublishTemplateInput): Promise<TemplateDetail> {
      const author = personOf(actor);
      const snap = await snapshot(actor, input.workflowId);
      // Whoever may build the workflow (its team's builders, or global ones) may publish it.
      authorize(actor, 'workflows.build', { teamId: snap.workflow.teamId });
      const tags = JSON.stringify(normalizeTags(input.tags));
      const meta = {
        name: input.name,
        summary: input.summary,
        documentation: input.documentation,
        tags_json: tags,
        ...(input.categoryId === undefined ? {} : { category_id: input.categoryId }),
      };
      await checkCategory(input.categoryId, deps.db);
      const existing = await repo.findActiveBySource(input.workflowId, author);
      if (existing) {
        await republishFrom(actor, { ...existing, author_name: null, category_name: null }, snap, input.note, meta);
        return detail(actor, await loadTemplate(repo, existing.id));
      }
      const at = now();
      const id = newId();
      await deps.db.transaction().execute(async (trx) => {
        const row = {
          id,
          ...meta,
          category_id: input.categoryId ?? null,
          author_id: author,
          source_workflow_id: input.workflowId,
          source_idea_id: await repo.ideaOfWorkflow(input.workflowId, trx),
          status: 'active',
          current_version: 1,
          use_count: 0,
          rating_sum: 0,
          rating_count: 0,
          created_at: at,
          updated_at: at,
        };
        await repo.insert(row, trx);
        await addVersion(trx, actor, id, 1, snap, input.note, at);
        await deps.audit.record(trx, actor, {
          action: 'template.publish',
          objectType: 'template',
          objectId: id,
          after: { ...auditView(row), workflowId: input.workflowId, workflowVersion: snap.version, needs: snap.needs },
        });
      });
      return detail(actor, await loadTemplate(repo, id));
    },

    /** A new version from the template's source workflow (its latest published version). */
    async republish(actor: Actor, id: string, note: string): Promise<TemplateDetail> {
      authorize(actor, 'workflows.build');
      const before = await loadTemplate(repo, id);
      requireEditor(actor, before);
      requireActive(before);
      if (!before.source_workflow_id) {
        throw new AppError('TEMPLATE_SOURCE_GONE', {
          status: 409,
          userMessage: 'The workflow this template was published from no longer exists.',
        });
      }
      await republishFrom(actor, before, await snapshot(actor, before.source_workflow_id), note, {});
      return detail(actor, await loadTemplate(repo, id));
    },

    async update(actor: Actor, id: string, input: UpdateTemplateInput): Promise<TemplateDetail> {
      authorize(actor, 'workflows.build');
      const before = await loadTemplate(repo, id);
      requireEditor(actor, before);
      await deps.db.transaction().execute(async (trx) => {
        await checkCategory(input.categoryId, trx);
        const patch = {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.summary === undefined ? {} : { summary: input.summary }),
          ...(input.documentation === undefined ? {} : { documentation: input.documentation }),
          ...(input.categoryId === undefined ? {} : { category_id: input.categoryId }),
          ...(input.tags === undefined ? {} : { tags_json: JSON.stringify(normalizeTags(input.tags)) }),
          updated_at: now(),
        };
        await repo.update(id, patch, trx);
        await deps.audit.record(trx, actor, {
          action: 'template.update',
          objectType: 'template',
          objectId: id,
          before: auditView(before),
          after: auditView({ ...before, ...patch }),
        });
      });
      return detail(actor, await loadTemplate(repo, id));
    },

    async archive(actor: Actor, id: string): Promise<TemplateDetail> {
      authorize(actor, 'workflows.build');
      const before = await loadTemplate(repo, id);
      requireEditor(actor, before);
      if (before.status !== 'archived') {
        await deps.db.transaction().execute(async (trx) => {
          await repo.update(id, { status: 'archived', updated_at: now() }, trx);
          await deps.audit.record(trx, actor, {
            action: 'template.archive',
            objectType: 'template',
            objectId: id,
            before: { status: before.status },
            after: { status: 'archived' },
          });
        });
      }
      return detail(actor, await loadTemplate(repo, id));
    },

    async list(actor: Actor, query: ListTemplatesQuery) {
      authorize(actor, 'workflows.read');
      const offset = decodeCursor(query.cursor, offsetCursor)?.o ?? 0;
      const rows = await repo.list(query, query.limit + 1, offset);
      const page = rows.slice(0, query.limit);
      return {
        items: page.map(summaryOf),
        nextCursor: rows.length > query.limit ? encodeCursor({ o: offset + query.limit }) : null,
      };
    },

    async get(actor: Actor, id: string): Promise<TemplateDetail> {
      authorize(actor, 'workflows.read');
      return detail(actor, await loadTemplate(repo, id));
    },

    /**
     * Creates a draft workflow from a template (through the workflows service: its checks and
     * audit apply), owned by the caller, and records the use. A use by the template's own author
     * is recorded but not counted: reuse credits others' reuse of your work.
     */
    async use(actor: Actor, id: string, input: { name: string; version?: number | undefined; teamId?: string | null | undefined }) {
      authorize(actor, 'workflows.build', { teamId: input.teamId ?? null });
      const user = personOf(actor);
      const template = await loadTemplate(repo, id);
      requireActive(template);
      const versionNo = input.version ?? Number(template.current_version);
      const version = await repo.version(id, versionNo);
      if (!version) {
        throw new AppError('NOT_FOUND', {
          status: 404,
          userMessage: `Template version ${versionNo} not found.`,
          details: { version: versionNo },
        });
      }
      const definition = personalizeDefinition(
        workflowDefinition.parse(JSON.parse(version.definition_json)),
        randomBytes(4).toString('hex'),
      );
      const counted = user !== template.author_id;
      // The workflow and the use that credits the author are written in one transaction.
      const workflow = await deps.workflows.create(
        actor,
        {
          name: input.name,
          description: `Created from the template "${template.name}" (version ${versionNo}).`,
          teamId: input.teamId,
          definition,
        },
        async (trx, created) => {
          await repo.insertUse(
            {
              id: newId(),
              template_id: id,
              version: versionNo,
              workflow_id: created.id,
              user_id: user,
              author_id: template.author_id,
              created_at: now(),
            },
            trx,
          );
          if (counted) await repo.bump(id, { uses: 1 }, trx);
          await deps.audit.record(trx, actor, {
            action: 'template.use',
            objectType: 'template',
            objectId: id,
            after: { version: versionNo, workflowId: created.id, authorId: template.author_id, counted },
          });
        },
      );
      return { workflowId: workflow.id, templateId: id, version: versionNo, needs: needsOf(version.needs_json) };
    },

    /** No permission check: for other services (the programme dashboard's top contributors), which check their own. */
    reuseByAuthor,

    /** `reuseByAuthor` for the API: anyone who sees workflows. */
    async reuseReport(actor: Actor, query: { from?: string | undefined; to?: string | undefined }) {
      authorize(actor, 'workflows.read');
      return { items: await reuseByAuthor(query.from, query.to) };
    },
  };
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;
