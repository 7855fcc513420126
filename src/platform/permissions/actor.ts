import type { RoleKey, ScopeType, TokenScope } from './catalog.ts';

export interface RoleGrant {
  role: RoleKey;
  scopeType: ScopeType;
  /** null for global grants. */
  scopeId: string | null;
}

/** Who is acting, resolved once per request (or per CLI command) and passed to services. */
export interface Actor {
  type: 'user' | 'token' | 'system' | 'cli';
  userId: string | null;
  /** Human-readable, kept in audit entries even if the user is later renamed or erased. */
  label: string;
  grants: readonly RoleGrant[];
  /** Token scopes; null means unrestricted (a browser session, the CLI). */
  tokenScopes: readonly TokenScope[] | null;
  requestId: string | null;
  ip: string | null;
}

/** The actor for operator commands run in a terminal on the server (full rights). */
export function cliActor(label = `cli:${process.env.USER ?? 'operator'}`): Actor {
  return {
    type: 'cli',
    userId: null,
    label,
    grants: [{ role: 'admin', scopeType: 'global', scopeId: null }],
    tokenScopes: null,
    requestId: null,
    ip: null,
  };
}

/** The actor for the server's own work (start-up, scheduled jobs). */
export const systemActor: Actor = {
  type: 'system',
  userId: null,
  label: 'system',
  grants: [{ role: 'admin', scopeType: 'global', scopeId: null }],
  tokenScopes: null,
  requestId: null,
  ip: null,
};
