import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { createPeriodic } from '../../platform/periodic.ts';
import { systemActor } from '../../platform/permissions/actor.ts';
import type { UserNotificationsService } from '../notifications/user-notifications.service.ts';
import { createValueRepository } from './value.repository.ts';

export interface PromptLog {
  error(message: string, data?: unknown): void;
}

/**
 * The periodic one-question prompt of personal-productivity automations: every `intervalMs` it
 * reads which live personal automations are due (never asked, or asked `prompt_every_days`
 * ago) and sends their builder and supporters an in-app notification "minutes saved per
 * week?" linking to the answer form. Due-ness lives in the database (`last_prompted_at`, set
 * compare-and-set in the notification's transaction), so a restart loses nothing and two
 * processes never both ask. `tick()` runs one round at the clock's time (tests move the clock).
 */
export function createValuePrompts(deps: {
  db: Db;
  clock: Clock;
  notifications: UserNotificationsService;
  log: PromptLog;
  intervalMs?: number;
}) {
  const repo = createValueRepository(deps.db);
  const intervalMs = deps.intervalMs ?? 60_000;

  async function tick(): Promise<{ prompted: number; notified: number }> {
    const now = deps.clock.now().toISOString();
    let prompted = 0;
    let notified = 0;
    for (const due of await repo.duePrompts(now)) {
      try {
        await deps.db.transaction().execute(async (trx) => {
          if (!(await repo.markPrompted(due.idea_id, due.last_prompted_at, now, trx))) return;
          const people = (await repo.supporters(due.idea_id, trx)).map((s) => s.user_id);
          if (due.builder_id) people.push(due.builder_id);
          prompted += 1;
          notified += await deps.notifications.notify(trx, systemActor, people, {
            kind: 'value.prompt',
            title: `How many minutes did "${due.name}" save you this week?`,
            body: 'One number helps the programme see what personal automations are worth.',
            link: `/ideas/${due.idea_id}#value`,
            objectType: 'idea',
            objectId: due.idea_id,
            actorLabel: 'Symbiont',
          });
        });
      } catch (error) {
        deps.log.error('value prompt failed; it is tried again on the next tick', { ideaId: due.idea_id, error: String(error) });
      }
    }
    return { prompted, notified };
  }

  const periodic = createPeriodic(tick, intervalMs, (error) => deps.log.error('value prompt tick failed', { error: String(error) }));
  return { tick, start: periodic.start, stop: periodic.stop };
}

export type ValuePrompts = ReturnType<typeof createValuePrompts>;
