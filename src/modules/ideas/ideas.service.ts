import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { hoursPerMonth } from './community.domain.ts';
import { createCommunityRepository } from './community.repository.ts';
import { fieldErrors, loadIdea, rolesFor, rulesOf, weightsOf } from './idea-access.ts';
import { type ScreenAnswers, type ScreenWeights, scoreIdea } from './idea-score.domain.ts';
import type { IdeasDeps } from './ideas.deps.ts';
import type { IdeaFilter, IdeaRecord } from './ideas.repository.ts';
import type { IdeaRow, IdeaView, ListIdeasQuery, SubmitIdeaInput } from './ideas.schemas.ts';
import { movesFor, type Phase, type Status } from './pipeline.domain.ts';

const cursorSchema = z.object({ v: z.union([z.string(), z.number()]), id: z.string() });

export const screenOf = (r: IdeaRecord): ScreenAnswers => ({
  rules: r.q_rules,
  digital: r.q_digital,
  structured: r.q_structured,
  change: r.q_change,
  documentation: r.q_documentation,
});

type ListRow = Awaited<ReturnType<IdeasDeps['repo']['list']>>[number];

export function rowView(r: ListRow): IdeaRow {
  return {
    id: r.id,
    name: r.name,
    categoryId: r.category_id,
    categoryName: r.category_name,
    teamId: r.team_id,
    teamName: r.team_name ?? null,
    phase: r.phase as Phase,
    status: r.status as Status,
    score: r.score_x10 / 10,
    feasible: r.feasible === 1,
    votes: r.votes_count,
    supporters: r.supporters_count,
    comments: r.comments_count,
    builderId: r.builder_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const SORT_VALUE: Record<ListIdeasQuery['sort'], (r: ListRow) => string | number> = {
  created: (r) => r.created_at,
  updated: (r) => r.updated_at,
  score: (r) => r.score_x10,
  votes: (r) => r.votes_count,
  name: (r) => r.name,
};

/** Submitting, reading, listing and scoring ideas; the similar-ideas lookup. */
export function createIdeasService(deps: IdeasDeps) {
  const { repo } = deps;
  const community = createCommunityRepository(deps.db);

  async function view(actor: Actor, idea: IdeaRecord): Promise<IdeaView> {
    const [weights, category, team, people, workflows, rules, supporters, voted, following] = await Promise.all([
      weightsOf(repo),
      repo.category(idea.category_id),
      idea.team_id ? repo.team(idea.team_id) : undefined,
      repo.users([idea.submitter_id, idea.builder_id].filter((x): x is string => x !== null)),
      repo.linkedWorkflows(idea.id),
      rulesOf(repo, idea.category_id),
      community.supporters(idea.id),
      actor.userId ? community.hasVoted(idea.id, actor.userId) : false,
      actor.userId ? community.isFollowing(idea.id, actor.userId) : false,
    ]);
    const person = (id: string | null) => {
      const p = id ? people.find((u) => u.id === id) : undefined;
      return p ? { id: p.id, name: p.name } : null;
    };
    const stage = { phase: idea.phase as Phase, status: idea.status as Status };
    return {
      id: idea.id,
      name: idea.name,
      description: idea.description,
      category: { id: idea.category_id, name: category?.name ?? '' },
      team: team ? { id: team.id, name: team.name } : null,
      submitter: person(idea.submitter_id),
      builder: person(idea.builder_id),
      painPoints: idea.pain_points,
      applications: JSON.parse(idea.applications_json) as string[],
      frequencyPeriod: idea.frequency_period,
      frequencyCount: idea.frequency_count,
      minutesPerCase: idea.minutes_per_case,
      hoursPerMonth: hoursPerMonth([
        { period: idea.frequency_period, count: idea.frequency_count, minutes: idea.minutes_per_case },
        ...supporters
          .filter((s) => s.frequency_period !== null && s.frequency_count !== null)
          .map((s) => ({
            period: s.frequency_period ?? 'month',
            count: s.frequency_count ?? 0,
            minutes: s.minutes_per_case ?? idea.minutes_per_case,
          })),
      ]),
      screen: screenOf(idea),
      score: scoreIdea(screenOf(idea), weights),
      phase: stage.phase,
      status: stage.status,
      votes: idea.votes_count,
      followers: idea.followers_count,
      comments: idea.comments_count,
      supporters: idea.supporters_count,
      voted,
      following,
      workflows,
      moves: movesFor(stage, rolesFor(actor, idea), rules, actor.userId !== null && actor.userId === idea.submitter_id),
      createdAt: idea.created_at,
      updatedAt: idea.updated_at,
    };
  }

  /** Unknown category or team → 400 naming the field; nothing is stored. */
  async function checkRefs(input: { categoryId: string; teamId?: string | null | undefined }) {
    const issues: { path: string; message: string }[] = [];
    if (!(await repo.category(input.categoryId))) issues.push({ path: 'categoryId', message: 'Unknown category' });
    if (input.teamId && !(await repo.team(input.teamId))) issues.push({ path: 'teamId', message: 'Unknown team' });
    if (issues.length > 0) throw fieldErrors(issues);
  }

  /** The stored row of a new idea, with its score. */
  function buildRow(input: SubmitIdeaInput, submitterId: string | null, now: string, weights: ScreenWeights): IdeaRecord {
    const score = scoreIdea(input.screen, weights);
    return {
      id: newId(),
      name: input.name,
      description: input.description,
      search_text: `${input.name} ${input.description}`.toLowerCase(),
      category_id: input.categoryId,
      team_id: input.teamId ?? null,
      submitter_id: submitterId,
      pain_points: input.painPoints,
      applications_json: JSON.stringify(input.applications),
      frequency_period: input.frequencyPeriod,
      frequency_count: input.frequencyCount,
      minutes_per_case: input.minutesPerCase,
      q_rules: input.screen.rules,
      q_digital: input.screen.digital,
      q_structured: input.screen.structured,
      q_change: input.screen.change,
      q_documentation: input.screen.documentation,
      score_x10: Math.round(score.score * 10),
      feasible: score.feasible ? 1 : 0,
      phase: 'idea',
      status: 'awaiting_review',
      builder_id: null,
      votes_count: 0,
      followers_count: submitterId ? 1 : 0,
      comments_count: 0,
      supporters_count: 0,
      created_at: now,
      updated_at: now,
    };
  }

  /** Inserts the idea, its first history entry and audit entry; the submitter follows it. */
  async function writeIdea(trx: IdeasDeps['db'], actor: Actor, row: IdeaRecord): Promise<void> {
    await repo.insert(row, trx);
    // The submitter hears about comments and decisions.
    if (row.submitter_id) await community.addFollower(row.id, row.submitter_id, row.created_at, trx);
    await repo.insertTransition(
      {
        id: newId(),
        idea_id: row.id,
        action: 'submit',
        from_phase: null,
        from_status: null,
        to_phase: 'idea',
        to_status: 'awaiting_review',
        reason: 'Submitted',
        actor_id: actor.userId,
        actor_label: actor.label,
        created_at: row.created_at,
      },
      trx,
    );
    await deps.audit.record(trx, actor, {
      action: 'idea.create',
      objectType: 'idea',
      objectId: row.id,
      after: { name: row.name, categoryId: row.category_id, teamId: row.team_id, score: row.score_x10 / 10 },
    });
  }

  return {
    view,
    checkRefs,

    /** The dry-run score of a draft's quick screen (the form shows it live). */
    /** Builds the similar-ideas index ahead of the first submit (a server calls it once it is ready). */
    warmUp: () => deps.similarity.sync(),

    async score(actor: Actor, screen: ScreenAnswers) {
      authorize(actor, 'ideas.read');
      return scoreIdea(screen, await weightsOf(repo));
    },

    async submit(actor: Actor, input: SubmitIdeaInput): Promise<IdeaView> {
      authorize(actor, 'ideas.submit');
      await checkRefs(input);
      const row = buildRow(input, actor.userId, deps.clock.now().toISOString(), await weightsOf(repo));
      await deps.db.transaction().execute((trx) => writeIdea(trx, actor, row));
      deps.similarity.touchIdea(row.id, `${row.name}\n${row.description}`, row.status);
      return view(actor, row);
    },

    /**
     * Imports ideas all-or-nothing: every row's references are checked first, then all rows are
     * written in one transaction (`onProgress` after each). The submitter of each is given by id.
     */
    async importMany(actor: Actor, rows: { input: SubmitIdeaInput; submitterId: string | null }[], onProgress?: (done: number) => void) {
      authorize(actor, 'ideas.manage');
      for (const r of rows) await checkRefs(r.input);
      const now = deps.clock.now().toISOString();
      const weights = await weightsOf(repo);
      const records = rows.map((r) => buildRow(r.input, r.submitterId, now, weights));
      await deps.db.transaction().execute(async (trx) => {
        let done = 0;
        for (const row of records) {
          await writeIdea(trx, actor, row);
          onProgress?.(++done);
        }
      });
      for (const row of records) deps.similarity.touchIdea(row.id, `${row.name}\n${row.description}`, row.status);
      return { imported: records.length, ids: records.map((r) => r.id) };
    },

    async get(actor: Actor, id: string): Promise<IdeaView> {
      authorize(actor, 'ideas.read');
      return view(actor, await loadIdea(repo, id));
    },

    async list(actor: Actor, query: ListIdeasQuery, extra: Partial<IdeaFilter> = {}) {
      authorize(actor, 'ideas.read');
      const after = decodeCursor(query.cursor, cursorSchema);
      const rows = await repo.list(
        {
          phase: query.phase,
          status: query.status,
          teamId: query.teamId,
          categoryId: query.categoryId,
          q: query.q,
          minScoreX10: query.minScore === undefined ? undefined : Math.round(query.minScore * 10),
          sort: query.sort,
          order: query.order,
          after,
          ...extra,
        },
        query.limit + 1,
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(rowView),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ v: SORT_VALUE[query.sort](last), id: last.id }) : null,
      };
    },

    /** The ideas and workflows most like a draft (shown before saving, to offer "this is my process too"). */
    async similar(actor: Actor, draft: { name: string; description: string; limit: number; excludeId?: string }) {
      authorize(actor, 'ideas.read');
      await deps.similarity.sync();
      const hits = deps.similarity.search(`${draft.name}\n${draft.name}\n${draft.description}`, draft.limit, draft.excludeId);
      const [ideas, workflows] = await Promise.all([
        repo.briefIdeas(hits.ideas.map((h) => h.id)),
        repo.briefWorkflows(hits.workflows.map((h) => h.id)),
      ]);
      const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
      const ideaRows = byId(ideas);
      const workflowRows = byId(workflows);
      return {
        ideas: hits.ideas.flatMap((h) => {
          const r = ideaRows.get(h.id);
          return r ? [{ id: r.id, name: r.name, phase: r.phase, status: r.status, similarity: h.score }] : [];
        }),
        workflows: hits.workflows.flatMap((h) => {
          const r = workflowRows.get(h.id);
          return r ? [{ id: r.id, name: r.name, status: r.status, similarity: h.score }] : [];
        }),
      };
    },
  };
}

export type IdeasService = ReturnType<typeof createIdeasService>;
