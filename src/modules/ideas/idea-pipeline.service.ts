import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import type { RoleKey } from '../../platform/permissions/catalog.ts';
import { createCommunityRepository } from './community.repository.ts';
import { loadIdea, requireWrite, rolesFor, rulesOf } from './idea-access.ts';
import { assertReviewsApproved } from './idea-review-gate.ts';
import type { IdeasDeps } from './ideas.deps.ts';
import type { ListIdeasQuery } from './ideas.schemas.ts';
import type { IdeasService } from './ideas.service.ts';
import { type Action, classifyTransition, mayTake, type Phase, type Status } from './pipeline.domain.ts';

const invalid = (reason: string, details: unknown) =>
  new AppError('IDEA_TRANSITION_INVALID', { status: 409, userMessage: reason, details });

/** Moving ideas through the pipeline, the decision queue, and the builder's claim and links. */
export function createIdeaPipelineService(deps: IdeasDeps, ideas: IdeasService) {
  const { repo } = deps;
  const community = createCommunityRepository(deps.db);

  return {
    /**
     * Moves an idea to `to` with a reason. The state machine (pipeline.domain.ts) says whether the
     * move exists (else 409 IDEA_TRANSITION_INVALID) and which action it is; the category's rules
     * say which roles may take it (else 403). Changes, history, audit and notifications commit together.
     */
    async transition(actor: Actor, id: string, to: { phase: Phase; status: Status; reason: string }) {
      authorize(actor, 'ideas.read');
      requireWrite(actor);
      return deps.db.transaction().execute(async (trx) => {
        const idea = await repo.find(id, trx);
        if (!idea) throw notFound('Idea', id);
        const from = { phase: idea.phase as Phase, status: idea.status as Status };
        const bySubmitter = actor.userId !== null && actor.userId === idea.submitter_id;
        const check = classifyTransition(from, to, bySubmitter);
        if (!check.ok) throw invalid(check.reason, { from, to: { phase: to.phase, status: to.status } });
        const allowed =
          check.action === 'withdraw'
            ? bySubmitter
            : mayTake(check.action, rolesFor(actor, idea), await rulesOf(repo, idea.category_id, trx));
        if (!allowed) throw forbidden(`Your roles do not allow the "${check.action}" move in this category.`, { action: check.action });
        if (check.action === 'go_live') await assertReviewsApproved(trx, id);
        const now = deps.clock.now().toISOString();
        // Guarded on the state read above: a concurrent move makes this one a conflict, not a double move.
        const updated = await trx
          .updateTable('ideas')
          .set({ phase: to.phase, status: to.status, updated_at: now })
          .where('id', '=', id)
          .where('phase', '=', from.phase)
          .where('status', '=', from.status)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw invalid('The idea moved meanwhile; reload it.', { from });
        const transition = {
          id: newId(),
          idea_id: id,
          action: check.action,
          from_phase: from.phase,
          from_status: from.status,
          to_phase: to.phase,
          to_status: to.status,
          reason: to.reason,
          actor_id: actor.userId,
          actor_label: actor.label,
          created_at: now,
        };
        await repo.insertTransition(transition, trx);
        await deps.audit.record(trx, actor, {
          action: 'idea.transition',
          objectType: 'idea',
          objectId: id,
          before: from,
          after: { phase: to.phase, status: to.status, action: check.action, reason: to.reason },
        });
        await deps.notifications.notify(trx, actor, await community.followers(id, trx), {
          kind: 'idea.transition',
          title: `"${idea.name}" is now ${to.phase} · ${to.status.replace('_', ' ')}`,
          body: to.reason,
          link: `/ideas/${id}`,
          objectType: 'idea',
          objectId: id,
        });
        deps.similarity.touchIdea(id, `${idea.name}\n${idea.description}`, to.status);
        return { action: check.action, phase: to.phase, status: to.status };
      });
    },

    async history(actor: Actor, id: string) {
      authorize(actor, 'ideas.read');
      await loadIdea(repo, id);
      return (await repo.transitions(id)).map((t) => ({
        id: t.id,
        action: t.action,
        fromPhase: t.from_phase,
        fromStatus: t.from_status,
        toPhase: t.to_phase,
        toStatus: t.to_status,
        reason: t.reason,
        actor: t.actor_label,
        createdAt: t.created_at,
      }));
    },

    /**
     * Ideas awaiting a decision the caller may take: awaiting review in Idea, Assessment or
     * Qualification, in a category (or team) where one of the caller's roles may review or qualify.
     */
    async decisionQueue(actor: Actor, query: ListIdeasQuery) {
      authorize(actor, 'ideas.read');
      const decide = (roles: Set<RoleKey>, rules: Partial<Record<Action, readonly RoleKey[]>>) =>
        mayTake('review', roles, rules) || mayTake('qualify', roles, rules);
      const categories = await repo.categories();
      const allRules = await repo.allRules();
      const rulesFor = (categoryId: string) => {
        const rules: Partial<Record<Action, RoleKey[]>> = {};
        for (const r of allRules) if (r.category_id === categoryId) rules[r.action as Action] = r.roles.split(',') as RoleKey[];
        return rules;
      };
      const global = new Set(actor.grants.filter((g) => g.scopeType === 'global').map((g) => g.role));
      const categoryIds = categories
        .filter((c) => {
          const roles = new Set([
            ...global,
            ...actor.grants.filter((g) => g.scopeType === 'category' && g.scopeId === c.id).map((g) => g.role),
          ]);
          return decide(roles, rulesFor(c.id));
        })
        .map((c) => c.id);
      // Team-scoped roles count in every category whose rules let that role decide.
      const teamIds = [
        ...new Set(
          actor.grants
            .filter((g) => g.scopeType === 'team' && g.scopeId && categories.some((c) => decide(new Set([g.role]), rulesFor(c.id))))
            .map((g) => g.scopeId as string),
        ),
      ];
      if (categoryIds.length + teamIds.length === 0) return { items: [], nextCursor: null };
      return ideas.list(actor, query, {
        statuses: ['awaiting_review'],
        phases: ['idea', 'assessment', 'qualification'],
        scope: { categoryIds, teamIds },
      });
    },

    /** A builder claims an approved idea (Qualification approved, or already in delivery and unclaimed). */
    async claim(actor: Actor, id: string) {
      const idea = await loadIdea(repo, id);
      authorize(actor, 'ideas.build', { categoryId: idea.category_id, teamId: idea.team_id });
      const claimable =
        (idea.phase === 'qualification' && idea.status === 'approved') ||
        (['analysis', 'design', 'build', 'test'].includes(idea.phase) && !['cancelled', 'archived'].includes(idea.status));
      if (!claimable || (idea.builder_id !== null && idea.builder_id !== actor.userId)) {
        throw new AppError('IDEA_NOT_CLAIMABLE', {
          status: 409,
          userMessage: idea.builder_id ? 'Another builder has claimed this idea.' : 'Only an approved idea can be claimed.',
          details: { phase: idea.phase, status: idea.status },
        });
      }
      if (!actor.userId) throw forbidden('A builder is a person: sign in as a user to claim an idea.');
      const builderId = actor.userId;
      await deps.db.transaction().execute(async (trx) => {
        await repo.update(id, { builder_id: builderId, updated_at: deps.clock.now().toISOString() }, trx);
        await deps.audit.record(trx, actor, {
          action: 'idea.claim',
          objectType: 'idea',
          objectId: id,
          before: { builderId: idea.builder_id },
          after: { builderId },
        });
        await deps.notifications.notify(trx, actor, await community.followers(id, trx), {
          kind: 'idea.claim',
          title: `${actor.label} is building "${idea.name}"`,
          link: `/ideas/${id}`,
          objectType: 'idea',
          objectId: id,
        });
      });
      return ideas.get(actor, id);
    },

    /** Links a workflow that builds the idea (its builder, or anyone allowed to build it). */
    async linkWorkflow(actor: Actor, id: string, workflowId: string, unlink = false) {
      const idea = await loadIdea(repo, id);
      authorize(actor, 'ideas.build', { categoryId: idea.category_id, teamId: idea.team_id });
      const [workflow] = await repo.briefWorkflows([workflowId]);
      if (!workflow) {
        throw new AppError('VALIDATION_FAILED', {
          status: 400,
          userMessage: 'There is no such workflow.',
          details: { issues: [{ in: 'body', path: 'workflowId', message: 'Unknown workflow' }] },
        });
      }
      const linked = await repo.isLinked(id, workflowId);
      if (!unlink && linked) throw new AppError('IDEA_WORKFLOW_LINKED', { status: 409, userMessage: 'This workflow is already linked.' });
      if (unlink && !linked) throw notFound('Link', workflowId);
      await deps.db.transaction().execute(async (trx) => {
        if (unlink) await repo.unlinkWorkflow(id, workflowId, trx);
        else
          await repo.linkWorkflow(
            { idea_id: id, workflow_id: workflowId, linked_by: actor.userId, created_at: deps.clock.now().toISOString() },
            trx,
          );
        await deps.audit.record(trx, actor, {
          action: unlink ? 'idea.unlink_workflow' : 'idea.link_workflow',
          objectType: 'idea',
          objectId: id,
          after: { workflowId, workflowName: workflow.name },
        });
      });
      return ideas.get(actor, id);
    },
  };
}

export type IdeaPipelineService = ReturnType<typeof createIdeaPipelineService>;
