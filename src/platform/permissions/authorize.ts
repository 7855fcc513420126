import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { ALL_PERMISSIONS, PERMISSIONS, type Permission, ROLES, type TokenScope } from './catalog.ts';

/** What a permission is checked against: a team or a category, or nothing (global). */
export interface Target {
  teamId?: string | null;
  categoryId?: string | null;
}

function grantCovers(grant: Actor['grants'][number], target: Target | undefined): boolean {
  if (grant.scopeType === 'global') return true;
  if (!target) return false;
  if (grant.scopeType === 'team') return target.teamId != null && grant.scopeId === target.teamId;
  return target.categoryId != null && grant.scopeId === target.categoryId;
}

/** Whether the actor's token scopes allow a permission's scope (sessions allow everything). */
export function scopeAllows(actor: Actor, scope: TokenScope): boolean {
  return actor.tokenScopes === null || actor.tokenScopes.includes(scope);
}

/**
 * Whether the actor holds `permission` on `target`: some role grant gives the permission and
 * covers the target (global grants cover everything; team grants their team), and the
 * credential's token scopes allow it.
 */
export function can(actor: Actor, permission: Permission, target?: Target): boolean {
  if (!scopeAllows(actor, PERMISSIONS[permission].scope)) return false;
  return actor.grants.some((g) => ROLES[g.role]?.permissions.includes(permission) && grantCovers(g, target));
}

/** Throws FORBIDDEN (or INSUFFICIENT_SCOPE for a narrow token) unless `can` holds. */
export function authorize(actor: Actor, permission: Permission, target?: Target): void {
  if (can(actor, permission, target)) return;
  const scope = PERMISSIONS[permission].scope;
  if (!scopeAllows(actor, scope)) {
    throw new AppError('INSUFFICIENT_SCOPE', {
      status: 403,
      userMessage: `This API token lacks the "${scope}" scope needed for this action.`,
      details: { permission, requiredScope: scope },
    });
  }
  throw new AppError('FORBIDDEN', {
    status: 403,
    userMessage: 'You do not have permission to do this.',
    details: { permission },
  });
}

/** Permissions the actor holds everywhere, through global grants (the UI shows global actions with it). */
export function globalPermissions(actor: Actor): Permission[] {
  return heldPermissions({ ...actor, grants: actor.grants.filter((g) => g.scopeType === 'global') });
}

/** Permissions the actor holds on at least one target. */
export function heldPermissions(actor: Actor): Permission[] {
  return ALL_PERMISSIONS.filter(
    (p) => scopeAllows(actor, PERMISSIONS[p].scope) && actor.grants.some((g) => ROLES[g.role]?.permissions.includes(p)),
  );
}

/** Token scopes a user may put on a new token: no more than their roles could ever use. */
export function grantableScopes(actor: Actor): TokenScope[] {
  const held = heldPermissions({ ...actor, tokenScopes: null });
  const scopes = new Set<TokenScope>(['read']);
  for (const p of held) scopes.add(PERMISSIONS[p].scope);
  return (['read', 'write', 'admin'] as const).filter((s) => scopes.has(s));
}
