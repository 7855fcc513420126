import type { StepRegistry } from '../../engine/steps/step-type.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize, can } from '../../platform/permissions/authorize.ts';
import { type Permission, ROLES } from '../../platform/permissions/catalog.ts';
import { loadIdea, requireWrite } from './idea-access.ts';
import { reviewFacts } from './idea-review-facts.ts';
import {
  automaticChecks,
  CHECK_ITEMS,
  type CheckItem,
  DEFAULT_MIN_TEST_RUNS,
  type ItemDecision,
  itemState,
  latestRound,
  maySubmit,
  openItems,
  type ReviewKind,
  reviewsApproved,
} from './idea-reviews.domain.ts';
import { createIdeaReviewsRepository, type ReviewRow } from './idea-reviews.repository.ts';
import type { IdeasDeps } from './ideas.deps.ts';
import type { IdeaRecord } from './ideas.repository.ts';

export interface IdeaReviewsDeps extends IdeasDeps {
  registry: StepRegistry;
  /** The workflows service creates the draft (its checks, audit and ownership). */
  workflows: {
    create(
      actor: Actor,
      input: { name: string; description: string; teamId: string | null },
      within: (trx: Db, created: { id: string; name: string }) => Promise<void>,
    ): Promise<{ id: string; name: string }>;
  };
  /** Succeeded runs of the published version the technical review asks for (default 3). */
  minTestRuns?: number;
}

const conflict = (
  code: 'IDEA_REVIEW_NOT_PENDING' | 'IDEA_REVIEW_INCOMPLETE' | 'IDEA_REVIEW_CHECK_FAILING',
  message: string,
  details?: unknown,
) => new AppError(code, { status: 409, userMessage: message, details });

const rolesWith = (...permissions: Permission[]) =>
  Object.entries(ROLES)
    .filter(([, r]) => permissions.some((p) => r.permissions.includes(p)))
    .map(([key]) => key);

function roundView(r: ReviewRow) {
  return {
    id: r.id,
    kind: r.kind as ReviewKind,
    round: Number(r.round),
    status: r.status,
    submittedBy: r.submitted_by_label,
    submitNote: r.submit_note,
    submittedAt: r.submitted_at,
    decidedBy: r.decided_by_label,
    decisionNote: r.decision_note,
    decidedAt: r.decided_at,
    dataClass: r.data_class,
  };
}

/**
 * The citizen developer's way to Live: create a workflow for the idea, then a business review
 * (an approver, never the builder) and a technical review (a checklist with automatic checks on
 * the linked workflows; a manager or another builder). Every step records history, notifies and audits.
 */
export function createIdeaReviewsService(deps: IdeaReviewsDeps) {
  const repo = createIdeaReviewsRepository(deps.db);
  const minTestRuns = deps.minTestRuns ?? DEFAULT_MIN_TEST_RUNS;
  const target = (idea: IdeaRecord) => ({ categoryId: idea.category_id, teamId: idea.team_id });
  const isBuilder = (actor: Actor, idea: IdeaRecord) => actor.userId !== null && actor.userId === idea.builder_id;
  const mayDecide = (actor: Actor, idea: IdeaRecord, kind: ReviewKind) =>
    !isBuilder(actor, idea) &&
    (kind === 'business'
      ? can(actor, 'ideas.decide', target(idea))
      : can(actor, 'ideas.manage') || can(actor, 'ideas.build', target(idea)));

  /** 403 unless the actor may decide this kind of review: the role, and never the idea's own builder. */
  function requireReviewer(actor: Actor, idea: IdeaRecord, kind: ReviewKind) {
    requireWrite(actor);
    if (isBuilder(actor, idea))
      throw new AppError('IDEA_REVIEW_FOUR_EYES', {
        status: 403,
        userMessage: 'Four eyes: the idea’s builder does not review their own build.',
      });
    if (kind === 'business') authorize(actor, 'ideas.decide', target(idea));
    else if (!mayDecide(actor, idea, kind)) authorize(actor, 'ideas.manage');
  }

  function requireBuilder(actor: Actor, idea: IdeaRecord) {
    requireWrite(actor);
    authorize(actor, 'ideas.build', target(idea));
    if (!isBuilder(actor, idea))
      throw new AppError('IDEA_NOT_BUILDER', {
        status: 403,
        userMessage: 'Only the builder who claimed the idea does this; claim it first.',
      });
  }

  async function pendingRound(ideaId: string, kind: ReviewKind, trx: Db = deps.db) {
    const latest = latestRound(await repo.rounds(ideaId, trx), kind);
    if (latest?.status !== 'pending') throw conflict('IDEA_REVIEW_NOT_PENDING', `No ${kind} review is waiting for a decision.`);
    return latest;
  }

  /** History, audit and notification of one review event, in the caller's transaction. */
  async function record(
    trx: Db,
    actor: Actor,
    idea: IdeaRecord,
    event: { action: string; kind: ReviewKind; reason: string; before?: unknown; after: unknown; notify: string[]; title: string },
  ) {
    const now = deps.clock.now().toISOString();
    await deps.repo.insertTransition(
      {
        id: newId(),
        idea_id: idea.id,
        action: `${event.kind}_review`,
        from_phase: idea.phase,
        from_status: idea.status,
        to_phase: idea.phase,
        to_status: idea.status,
        reason: event.reason,
        actor_id: actor.userId,
        actor_label: actor.label,
        created_at: now,
      },
      trx,
    );
    await deps.audit.record(trx, actor, {
      action: event.action,
      objectType: 'idea',
      objectId: idea.id,
      ...(event.before === undefined ? {} : { before: event.before }),
      after: event.after,
    });
    await deps.notifications.notify(trx, actor, event.notify, {
      kind: event.action,
      title: event.title,
      body: event.reason,
      link: `/ideas/${idea.id}`,
      objectType: 'idea',
      objectId: idea.id,
    });
  }

  async function checklist(idea: IdeaRecord, round: ReviewRow | null, trx: Db = deps.db) {
    const facts = await reviewFacts(trx, deps.registry, idea.id);
    const decisions = (round ? JSON.parse(round.checks_json) : {}) as Partial<Record<CheckItem, ItemDecision>>;
    const auto = automaticChecks(facts.workflows, round?.data_class ?? null, minTestRuns);
    return { facts, auto, decisions, open: openItems(auto, decisions) };
  }

  return {
    /** The reviews of an idea: current rounds, the technical checklist with automatic results, history, and what the caller may do. */
    async get(actor: Actor, id: string) {
      authorize(actor, 'ideas.read');
      const idea = await loadIdea(deps.repo, id);
      const rounds = await repo.rounds(id);
      const business = latestRound(rounds, 'business');
      const technical = latestRound(rounds, 'technical');
      // The checklist of the open or approved round; after "changes requested" the next round starts fresh.
      const { facts, auto, decisions } = await checklist(idea, technical && technical.status !== 'changes_requested' ? technical : null);
      const linked = facts.workflows.length;
      const builder = isBuilder(actor, idea) && can(actor, 'ideas.build', target(idea));
      return {
        ideaId: id,
        phase: idea.phase,
        status: idea.status,
        builderId: idea.builder_id,
        minTestRuns,
        workflows: facts.workflows.map((w) => ({
          id: w.id,
          name: w.name,
          status: w.status,
          publishedVersion: w.publishedVersion,
          succeededRuns: w.succeededRuns,
        })),
        business: business ? roundView(business) : null,
        technical: technical ? roundView(technical) : null,
        checklist: CHECK_ITEMS.map((item) => ({
          item,
          auto: auto[item],
          decision: decisions[item] ?? null,
          state: itemState(auto[item], decisions[item]),
        })),
        history: rounds.map(roundView).reverse(),
        goLive: reviewsApproved(rounds),
        can: {
          claim: idea.builder_id === null && can(actor, 'ideas.build', target(idea)),
          createWorkflow: builder,
          submitBusiness: builder && maySubmit('business', rounds, idea.phase, linked).ok,
          submitTechnical: builder && maySubmit('technical', rounds, idea.phase, linked).ok,
          decideBusiness: business?.status === 'pending' && mayDecide(actor, idea, 'business'),
          decideTechnical: technical?.status === 'pending' && mayDecide(actor, idea, 'technical'),
        },
      };
    },

    /** The builder asks for a review: a new round (after "changes requested", the next one). */
    async submit(actor: Actor, id: string, input: { kind: ReviewKind; note?: string | undefined }) {
      const idea = await loadIdea(deps.repo, id);
      requireBuilder(actor, idea);
      await deps.db.transaction().execute(async (trx) => {
        const rounds = await repo.rounds(id, trx);
        const linked = (await deps.repo.linkedWorkflows(id, trx)).length;
        const check = maySubmit(input.kind, rounds, idea.phase, linked);
        if (!check.ok) throw new AppError(check.code as 'IDEA_REVIEW_NOT_OPEN', { status: 409, userMessage: check.reason });
        const row = {
          id: newId(),
          idea_id: id,
          kind: input.kind,
          round: check.round,
          status: 'pending',
          submitted_by: actor.userId,
          submitted_by_label: actor.label,
          submit_note: input.note ?? '',
          submitted_at: deps.clock.now().toISOString(),
          decided_by: null,
          decided_by_label: null,
          decision_note: '',
          decided_at: null,
          data_class: null,
          checks_json: '{}',
          auto_json: null,
        };
        await repo.insert(row, trx);
        const reviewers = await repo.holders(
          input.kind === 'business' ? rolesWith('ideas.decide') : rolesWith('ideas.build', 'ideas.manage'),
          idea,
          trx,
        );
        await record(trx, actor, idea, {
          action: 'idea.review.submit',
          kind: input.kind,
          reason: `${input.kind === 'business' ? 'Business' : 'Technical'} review submitted (round ${check.round})${input.note ? `: ${input.note}` : ''}`,
          after: { kind: input.kind, round: check.round, note: row.submit_note },
          notify: reviewers.filter((u) => u !== idea.builder_id),
          title: `"${idea.name}" awaits your ${input.kind} review`,
        });
      });
      return this.get(actor, id);
    },

    /** An approver (business) or a technical reviewer approves, or requests changes with a note. */
    async decide(
      actor: Actor,
      id: string,
      kind: ReviewKind,
      input: { decision: 'approve' | 'request_changes'; note?: string | undefined },
    ) {
      const idea = await loadIdea(deps.repo, id);
      requireReviewer(actor, idea, kind);
      const note = input.note?.trim() ?? '';
      if (input.decision === 'request_changes' && note.length < 3)
        throw new AppError('VALIDATION_FAILED', {
          status: 400,
          userMessage: 'Say what to change: a note of at least 3 characters.',
          details: { issues: [{ in: 'body', path: 'note', message: 'Required when requesting changes' }] },
        });
      await deps.db.transaction().execute(async (trx) => {
        const round = await pendingRound(id, kind, trx);
        let auto: unknown = null;
        if (kind === 'technical') {
          const state = await checklist(idea, round, trx);
          auto = state.auto;
          if (input.decision === 'approve' && state.open.length > 0)
            throw conflict('IDEA_REVIEW_INCOMPLETE', `Confirm or waive every item first: ${state.open.join(', ').replace(/_/g, ' ')}.`, {
              items: state.open,
            });
        }
        const status = input.decision === 'approve' ? 'approved' : 'changes_requested';
        const now = deps.clock.now().toISOString();
        const done = await repo.updatePending(
          round.id,
          {
            status,
            decided_by: actor.userId,
            decided_by_label: actor.label,
            decision_note: note,
            decided_at: now,
            auto_json: auto === null ? null : JSON.stringify(auto),
          },
          trx,
        );
        if (!done) throw conflict('IDEA_REVIEW_NOT_PENDING', 'The review was decided meanwhile; reload it.');
        const title = kind === 'business' ? 'Business' : 'Technical';
        await record(trx, actor, idea, {
          action: 'idea.review.decide',
          kind,
          reason: `${title} review ${status === 'approved' ? 'approved' : 'sent back: changes requested'} (round ${round.round})${note ? `: ${note}` : ''}`,
          before: { kind, round: Number(round.round), status: 'pending' },
          after: { kind, round: Number(round.round), status, note },
          notify: idea.builder_id ? [idea.builder_id] : [],
          title: `${title} review of "${idea.name}": ${status === 'approved' ? 'approved' : 'changes requested'}`,
        });
      });
      return this.get(actor, id);
    },

    /** The technical reviewer confirms a checklist item (it must pass) or waives it with a reason; data class: picks it. */
    async check(
      actor: Actor,
      id: string,
      item: CheckItem,
      input: { decision: 'confirm' | 'waive'; reason?: string | undefined; dataClass?: string | undefined },
    ) {
      const idea = await loadIdea(deps.repo, id);
      requireReviewer(actor, idea, 'technical');
      const reason = input.reason?.trim() ?? '';
      const issue = (path: string, message: string) =>
        new AppError('VALIDATION_FAILED', { status: 400, userMessage: message, details: { issues: [{ in: 'body', path, message }] } });
      if (input.decision === 'waive' && reason.length < 3) throw issue('reason', 'A waiver needs a reason (at least 3 characters).');
      if (item === 'data_class' && input.decision === 'confirm' && !input.dataClass) throw issue('dataClass', 'Pick the data class.');
      await deps.db.transaction().execute(async (trx) => {
        const round = await pendingRound(id, 'technical', trx);
        const dataClass = item === 'data_class' && input.dataClass ? input.dataClass : round.data_class;
        if (input.decision === 'confirm') {
          const { auto } = await checklist(idea, { ...round, data_class: dataClass }, trx);
          if (auto[item].pass !== true)
            throw conflict(
              'IDEA_REVIEW_CHECK_FAILING',
              `The automatic check fails: ${auto[item].why.join('; ')}. Fix it, or waive it with a reason.`,
              {
                item,
                why: auto[item].why,
              },
            );
        }
        const decisions = JSON.parse(round.checks_json) as Partial<Record<CheckItem, ItemDecision>>;
        const before = decisions[item] ?? null;
        decisions[item] = {
          decision: input.decision === 'confirm' ? 'confirmed' : 'waived',
          reason,
          by: actor.label,
          at: deps.clock.now().toISOString(),
        };
        const done = await repo.updatePending(round.id, { checks_json: JSON.stringify(decisions), data_class: dataClass }, trx);
        if (!done) throw conflict('IDEA_REVIEW_NOT_PENDING', 'The review was decided meanwhile; reload it.');
        await deps.audit.record(trx, actor, {
          action: 'idea.review.check',
          objectType: 'idea',
          objectId: id,
          before: { item, decision: before, dataClass: round.data_class },
          after: { item, decision: decisions[item], dataClass },
        });
      });
      return this.get(actor, id);
    },

    /** Creates a draft workflow named after the idea (owned by the idea's team) and links it, for the builder who claimed it. */
    async createWorkflow(actor: Actor, id: string, input: { name?: string | undefined }) {
      const idea = await loadIdea(deps.repo, id);
      requireBuilder(actor, idea);
      if (!['analysis', 'design', 'build', 'test'].includes(idea.phase))
        throw new AppError('IDEA_REVIEW_NOT_OPEN', {
          status: 409,
          userMessage: 'Workflows are created for an idea in delivery (Analysis to Test).',
        });
      // The workflow and its link to the idea are written in one transaction.
      const workflow = await deps.workflows.create(
        actor,
        { name: input.name ?? idea.name.slice(0, 120), description: `Builds the idea "${idea.name}".`, teamId: idea.team_id },
        async (trx, created) => {
          await deps.repo.linkWorkflow(
            { idea_id: id, workflow_id: created.id, linked_by: actor.userId, created_at: deps.clock.now().toISOString() },
            trx,
          );
          await deps.audit.record(trx, actor, {
            action: 'idea.link_workflow',
            objectType: 'idea',
            objectId: id,
            after: { workflowId: created.id, workflowName: created.name, created: true },
          });
        },
      );
      return { id: workflow.id, name: workflow.name };
    },
  };
}

export type IdeaReviewsService = ReturnType<typeof createIdeaReviewsService>;
