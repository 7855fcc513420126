import { useRoleCatalogue } from '../common/useRoleCatalogue.ts';
import { useGlobalPermissions } from './useGlobalPermissions.ts';
import { useSession } from './useSession.ts';

/**
 * Whether the user holds `permission` globally, or through a role scoped to team `teamId`
 * (a team's programme manager manages that team). The server checks again.
 */
export function useCanInTeam(permission: string, teamId: string): boolean {
  const { data: session } = useSession();
  const catalogue = useRoleCatalogue().data ?? [];
  const global = useGlobalPermissions();
  if (!session) return false;
  if (!session.permissions.includes(permission)) return false;
  if (global.has(permission)) return true;
  const granting = new Set(catalogue.filter((r) => r.permissions.includes(permission)).map((r) => r.key));
  return session.roles.some((r) => r.scopeType === 'team' && r.scopeId === teamId && granting.has(r.role));
}
