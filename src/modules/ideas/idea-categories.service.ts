import { isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import type { RoleKey } from '../../platform/permissions/catalog.ts';
import { rulesOf, weightsOf } from './idea-access.ts';
import { type ScreenWeights, scoreIdea } from './idea-score.domain.ts';
import type { IdeasDeps } from './ideas.deps.ts';
import { ACTIONS, type Action, DEFAULT_RULES } from './pipeline.domain.ts';

const nameTaken = (name: string) =>
  new AppError('IDEA_CATEGORY_NAME_TAKEN', {
    status: 409,
    userMessage: `A category called "${name}" already exists.`,
    details: { issues: [{ in: 'body', path: 'name', message: 'Already in use' }] },
  });

const effective = (rules: Partial<Record<Action, readonly RoleKey[]>>) =>
  Object.fromEntries(ACTIONS.map((a) => [a, [...(rules[a] ?? DEFAULT_RULES[a])]])) as Record<Action, RoleKey[]>;

/** Idea categories and their transition rules (administrators manage them; everyone reads them). */
export function createIdeaCategoriesService(deps: IdeasDeps) {
  const { repo } = deps;
  async function view(id: string) {
    const c = await repo.category(id);
    if (!c) throw notFound('Category', id);
    return { id: c.id, name: c.name, description: c.description, rules: effective(await rulesOf(repo, id)) };
  }
  return {
    async list(actor: Actor) {
      authorize(actor, 'ideas.read');
      const [categories, rules] = await Promise.all([repo.categories(), repo.allRules()]);
      return categories.map((c) => {
        const own: Partial<Record<Action, RoleKey[]>> = {};
        for (const r of rules) if (r.category_id === c.id) own[r.action as Action] = r.roles.split(',').filter(Boolean) as RoleKey[];
        return { id: c.id, name: c.name, description: c.description, rules: effective(own) };
      });
    },

    async create(actor: Actor, input: { name: string; description: string }) {
      authorize(actor, 'ideas.manage');
      const now = deps.clock.now().toISOString();
      const id = newId();
      try {
        await deps.db.transaction().execute(async (trx) => {
          await repo.insertCategory({ id, name: input.name, description: input.description, created_at: now, updated_at: now }, trx);
          await deps.audit.record(trx, actor, { action: 'idea_category.create', objectType: 'idea_category', objectId: id, after: input });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(input.name);
        throw error;
      }
      return view(id);
    },

    async update(actor: Actor, id: string, input: { name: string; description: string }) {
      authorize(actor, 'ideas.manage');
      const before = await repo.category(id);
      if (!before) throw notFound('Category', id);
      try {
        await deps.db.transaction().execute(async (trx) => {
          await repo.updateCategory(id, { ...input, updated_at: deps.clock.now().toISOString() }, trx);
          await deps.audit.record(trx, actor, {
            action: 'idea_category.update',
            objectType: 'idea_category',
            objectId: id,
            before: { name: before.name, description: before.description },
            after: input,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(input.name);
        throw error;
      }
      return view(id);
    },

    async weights(actor: Actor): Promise<ScreenWeights> {
      authorize(actor, 'ideas.read');
      return weightsOf(repo);
    },

    /**
     * Sets the idea score's factor weights (0–10, at least one positive) and rescores every idea
     * with them, in one transaction with the audit entry.
     */
    async setWeights(actor: Actor, weights: ScreenWeights): Promise<{ weights: ScreenWeights; rescored: number }> {
      authorize(actor, 'ideas.manage');
      const now = deps.clock.now().toISOString();
      let rescored = 0;
      await deps.db.transaction().execute(async (trx) => {
        const before = await weightsOf(repo, trx);
        for (const [factor, weight] of Object.entries(weights)) await repo.setWeight(factor, weight, now, trx);
        for (const r of await repo.screens(trx)) {
          const screen = {
            rules: r.q_rules,
            digital: r.q_digital,
            structured: r.q_structured,
            change: r.q_change,
            documentation: r.q_documentation,
          };
          const scoreX10 = Math.round(scoreIdea(screen, weights).score * 10);
          if (scoreX10 === r.score_x10) continue;
          await repo.setScore(r.id, scoreX10, trx);
          rescored++;
        }
        await deps.audit.record(trx, actor, {
          action: 'idea_score.weights',
          objectType: 'idea_score_weights',
          objectId: null,
          before,
          after: weights,
        });
      });
      return { weights, rescored };
    },

    /** Sets who may take which action in this category; actions left out keep their current rule. */
    async setRules(actor: Actor, id: string, rules: Partial<Record<Action, RoleKey[]>>) {
      authorize(actor, 'ideas.manage');
      const before = await view(id);
      const now = deps.clock.now().toISOString();
      await deps.db.transaction().execute(async (trx) => {
        for (const [action, roles] of Object.entries(rules)) await repo.replaceRule(id, action, [...new Set(roles)].join(','), now, trx);
        await deps.audit.record(trx, actor, {
          action: 'idea_category.rules',
          objectType: 'idea_category',
          objectId: id,
          before: before.rules,
          after: rules,
        });
      });
      return view(id);
    },
  };
}

export type IdeaCategoriesService = ReturnType<typeof createIdeaCategoriesService>;
