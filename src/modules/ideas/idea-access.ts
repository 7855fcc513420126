import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { scopeAllows } from '../../platform/permissions/authorize.ts';
import type { RoleKey } from '../../platform/permissions/catalog.ts';
import { DEFAULT_SCREEN_WEIGHTS, SCREEN_FACTORS, type ScreenWeights } from './idea-score.domain.ts';
import type { IdeaRecord, IdeasRepository } from './ideas.repository.ts';
import { ACTIONS, type Action } from './pipeline.domain.ts';

/** The roles an actor holds for an idea: global grants, and grants scoped to its category or team. */
export function rolesFor(actor: Actor, idea: Pick<IdeaRecord, 'category_id' | 'team_id'>): Set<RoleKey> {
  const roles = new Set<RoleKey>();
  for (const g of actor.grants) {
    if (
      g.scopeType === 'global' ||
      (g.scopeType === 'category' && g.scopeId === idea.category_id) ||
      (g.scopeType === 'team' && idea.team_id !== null && g.scopeId === idea.team_id)
    ) {
      roles.add(g.role);
    }
  }
  return roles;
}

/** The per-category overrides of the transition rules. */
export async function rulesOf(repo: IdeasRepository, categoryId: string, trx?: Db): Promise<Partial<Record<Action, RoleKey[]>>> {
  const rules: Partial<Record<Action, RoleKey[]>> = {};
  for (const r of await repo.rules(categoryId, trx)) {
    if ((ACTIONS as readonly string[]).includes(r.action)) rules[r.action as Action] = r.roles.split(',').filter(Boolean) as RoleKey[];
  }
  return rules;
}

/** The idea score's factor weights as an administrator set them (equal by default). */
export async function weightsOf(repo: IdeasRepository, trx?: Db): Promise<ScreenWeights> {
  const weights = { ...DEFAULT_SCREEN_WEIGHTS };
  for (const r of await repo.weights(trx))
    if ((SCREEN_FACTORS as readonly string[]).includes(r.factor)) weights[r.factor as keyof ScreenWeights] = r.weight;
  return weights;
}

export async function loadIdea(repo: IdeasRepository, id: string): Promise<IdeaRecord> {
  const idea = await repo.find(id);
  if (!idea) throw notFound('Idea', id);
  return idea;
}

/** Every change needs a credential that may write (a read-only token may not vote or move ideas). */
export function requireWrite(actor: Actor): void {
  if (!scopeAllows(actor, 'write')) {
    throw new AppError('INSUFFICIENT_SCOPE', {
      status: 403,
      userMessage: 'This API token lacks the "write" scope needed for this action.',
      details: { requiredScope: 'write' },
    });
  }
}

/** 400 VALIDATION_FAILED naming each wrong field (unknown category or team, …). */
export function fieldErrors(issues: { path: string; message: string }[]) {
  return new AppError('VALIDATION_FAILED', {
    status: 400,
    userMessage: `Some fields are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    details: { issues: issues.map((i) => ({ in: 'body', ...i })) },
  });
}
