import type { Clock } from '../../platform/clock.ts';
import { createPeriodic } from '../../platform/periodic.ts';
import type { NotificationsService } from './notifications.service.ts';
import type { TaskLifecycle } from './task-lifecycle.ts';
import type { TaskLog } from './tasks.deps.ts';

export interface TickReport {
  checked: number;
  expired: number;
  escalated: number;
  resignalled: number;
  notified: number;
}

/**
 * The timekeeper of tasks: every `intervalMs` it reads from the database what is due — tasks
 * whose `next_check_at` passed (timeouts, SLA breaches, decisions to deliver again) and
 * notifications to send — and does it. Nothing about a task lives in memory between ticks,
 * so a restart loses nothing; on PostgreSQL several processes share the work (locked rows are
 * skipped). `tick()` runs one round at the clock's time (tests move the clock).
 */
export function createTaskScheduler(deps: {
  lifecycle: TaskLifecycle;
  notifications: NotificationsService;
  clock: Clock;
  log: TaskLog;
  intervalMs?: number;
  batch?: number;
}) {
  const intervalMs = deps.intervalMs ?? 1000;
  const batch = deps.batch ?? 100;

  async function tick(): Promise<TickReport> {
    const report: TickReport = { checked: 0, expired: 0, escalated: 0, resignalled: 0, notified: 0 };
    // Bounded rounds: a backlog is worked off over several ticks, never in one endless loop.
    for (let round = 0; round < 20; round++) {
      const ids = await deps.lifecycle.repo.dueForCheck(deps.clock.now().toISOString(), batch);
      for (const id of ids) {
        try {
          const work = await deps.lifecycle.processDue(id);
          report.checked += 1;
          if (work.includes('expire')) report.expired += 1;
          if (work.includes('escalate')) report.escalated += 1;
          if (work.includes('resignal')) report.resignalled += 1;
        } catch (error) {
          deps.log.error('task check failed; it is tried again on the next tick', { taskId: id, error: String(error) });
        }
      }
      if (ids.length < batch || report.checked === 0) break;
    }
    for (let round = 0; round < 20; round++) {
      const sent = await deps.notifications.dispatchDue();
      report.notified += sent;
      if (sent === 0) break;
    }
    return report;
  }

  const periodic = createPeriodic(tick, intervalMs, (error) => deps.log.error('task scheduler tick failed', { error: String(error) }));
  return { tick, start: periodic.start, stop: periodic.stop };
}

export type TaskScheduler = ReturnType<typeof createTaskScheduler>;
