import { useRoleCatalogue } from '../common/useRoleCatalogue.ts';
import { useSession } from './useSession.ts';

/**
 * Permissions the user holds everywhere: those of their global roles. The session's
 * `permissions` also counts roles limited to one team or category, which do not allow
 * global actions such as creating a team or reading the audit log.
 */
export function useGlobalPermissions(): Set<string> {
  const { data: session } = useSession();
  const catalogue = useRoleCatalogue().data;
  if (!session || !catalogue) return new Set();
  const held = new Set(session.permissions);
  const global = new Set<string>();
  for (const assignment of session.roles) {
    if (assignment.scopeType !== 'global') continue;
    for (const p of catalogue.find((r) => r.key === assignment.role)?.permissions ?? []) if (held.has(p)) global.add(p);
  }
  return global;
}
