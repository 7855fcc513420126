import type { Services } from '../app.ts';
import { AppError } from '../platform/errors.ts';
import { cliActor } from '../platform/permissions/actor.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TEAMS } from './demo-company.ts';

export interface DemoSummary {
  teams: number;
  people: number;
  adminEmail: string;
  password: string;
}

/**
 * Loads the demo company into a fresh database through the services (so every row has its
 * audit entry). Refuses when people already exist, to never mix demo and real data.
 */
export async function loadDemo(services: Services, onProgress: (step: string) => void = () => {}): Promise<DemoSummary> {
  const actor = cliActor('demo loader');
  const counts = await services.users.counts();
  if (counts.users > 0 || counts.teams > 0) {
    throw new AppError('CONFLICT', {
      status: 409,
      userMessage: 'The database already has people or teams; the demo loads only into a fresh database (use another SYMBIONT_DATA_DIR).',
    });
  }
  const teamIds = new Map<string, string>();
  for (const team of DEMO_TEAMS) {
    const created = await services.teams.create(actor, { name: team.name, description: team.description });
    teamIds.set(team.key, created.id);
    onProgress(`team ${team.name}`);
  }
  for (const person of DEMO_PEOPLE) {
    const teamId = teamIds.get(person.team) as string;
    const user = await services.users.create(actor, {
      email: person.email,
      name: person.name,
      password: DEMO_PASSWORD,
      teamIds: [teamId],
      roles: person.roles.map((r) =>
        r.team
          ? { role: r.role, scopeType: 'team' as const, scopeId: teamIds.get(r.team) ?? null }
          : { role: r.role, scopeType: 'global' as const },
      ),
    });
    if (person.manager) await services.teams.setMember(actor, teamId, user.id, true);
    onProgress(`person ${person.name}`);
  }
  const admin = DEMO_PEOPLE.find((p) => p.roles.some((r) => r.role === 'admin'));
  return { teams: DEMO_TEAMS.length, people: DEMO_PEOPLE.length, adminEmail: admin?.email ?? '', password: DEMO_PASSWORD };
}
