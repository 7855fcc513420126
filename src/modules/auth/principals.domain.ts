import type { RoleGrant } from '../../platform/permissions/actor.ts';

/**
 * A principal names who a piece of work is for, as one short string an index can hold:
 * `u:<user id>`, `t:<team id>` (every member), `m:<team id>` (the team's managers),
 * `r:<role>` (holders of the role globally) and `r:<role>@<team id>` (holders of the role for
 * that team).
 */
export type Principal = string;

export const userPrincipal = (userId: string): Principal => `u:${userId}`;

/**
 * The principals a person answers to: themselves, each team they are in (and manage), and
 * each role they hold — globally, or for a team.
 */
export function principalsOfUser(
  userId: string,
  memberships: readonly { team_id: string; is_manager: number }[],
  grants: readonly RoleGrant[],
): Principal[] {
  const out = new Set<Principal>([userPrincipal(userId)]);
  for (const m of memberships) {
    out.add(`t:${m.team_id}`);
    if (m.is_manager === 1) out.add(`m:${m.team_id}`);
  }
  for (const g of grants) {
    if (g.scopeType === 'global') out.add(`r:${g.role}`);
    else if (g.scopeType === 'team' && g.scopeId) out.add(`r:${g.role}@${g.scopeId}`);
  }
  return [...out];
}

export interface DecodedPrincipals {
  userIds: string[];
  teamIds: string[];
  managerTeamIds: string[];
  roles: { role: string; teamId: string | null }[];
}

/** Splits principals by kind (unknown prefixes are ignored). */
export function decodePrincipals(principals: readonly Principal[]): DecodedPrincipals {
  const out: DecodedPrincipals = { userIds: [], teamIds: [], managerTeamIds: [], roles: [] };
  for (const p of principals) {
    const value = p.slice(2);
    if (p.startsWith('u:')) out.userIds.push(value);
    else if (p.startsWith('t:')) out.teamIds.push(value);
    else if (p.startsWith('m:')) out.managerTeamIds.push(value);
    else if (p.startsWith('r:')) {
      const at = value.indexOf('@');
      out.roles.push(at < 0 ? { role: value, teamId: null } : { role: value.slice(0, at), teamId: value.slice(at + 1) });
    }
  }
  return out;
}
