import type { App } from '../app.ts';
import type { Clock } from '../platform/clock.ts';
import type { DemoEvent } from './demo-history.domain.ts';
import { CATERING_WEBHOOK_PATH, SHOP_WEBHOOK_PATH } from './demo-workflows.ts';

/** A clock that runs at real speed from a time you set: the demo replays past days on it. */
export interface ReplayClock extends Clock {
  /** From now on, now() reads `at` (then moves on in real time). */
  set(at: number): void;
  /** Back to the real time. */
  reset(): void;
}

export function createReplayClock(): ReplayClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() - offset),
    set(at) {
      offset = Date.now() - at;
    },
    reset() {
      offset = 0;
    },
  };
}

const SETTLE_LIMIT_MS = 60_000;

/**
 * Plays the demo's events through the real product: orders are POSTed to the live workflows'
 * webhooks (through the HTTP routes, in process), the evening report is fired by the trigger
 * scheduler, and the engine drives every run, delay and sub-workflow. Time is the replay
 * clock's: before each event the clock jumps to it — and first to every durable wait that ends
 * earlier, so a delay ends when it should. The clock only jumps while the engine is idle.
 */
export async function replayHistory(
  app: App,
  clock: ReplayClock,
  events: readonly DemoEvent[],
  onEvent: (e: DemoEvent) => void,
): Promise<void> {
  const { db } = app.handle;
  const engine = app.services.engine;

  async function settle(): Promise<void> {
    const deadline = Date.now() + SETTLE_LIMIT_MS;
    for (;;) {
      const now = clock.now().toISOString();
      const busy = await db
        .selectFrom('runs')
        .select('id')
        .where((eb) => eb.or([eb('status', 'in', ['queued', 'running']), eb.and([eb('status', '=', 'waiting'), eb('next_at', '<=', now)])]))
        .limit(1)
        .executeTakeFirst();
      if (!busy && engine.activeRuns() === 0) return;
      if (Date.now() > deadline) throw new Error(`the demo's runs did not settle within ${SETTLE_LIMIT_MS / 1000} s`);
      engine.poke();
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Lets every durable wait that ends before `until` end at its own time. */
  async function followWaits(until: number): Promise<void> {
    for (;;) {
      const row = await db
        .selectFrom('runs')
        .select((eb) => eb.fn.min<string | null>('next_at').as('next'))
        .where('status', '=', 'waiting')
        .where('next_at', 'is not', null)
        .executeTakeFirst();
      const next = row?.next ? new Date(row.next).getTime() : null;
      if (next === null || next > until) return;
      clock.set(Math.max(next, clock.now().getTime()));
      await settle();
    }
  }

  async function post(path: string, body: unknown, expected: number): Promise<void> {
    const res = await app.server.inject({
      method: 'POST',
      url: `/webhooks/${path}`,
      payload: body as object,
      headers: { 'content-type': 'application/json' },
    });
    if (res.statusCode !== expected) throw new Error(`demo: /webhooks/${path} answered ${res.statusCode}: ${res.body}`);
  }

  for (const event of events) {
    await followWaits(event.at);
    clock.set(Math.max(event.at, clock.now().getTime()));
    if (event.kind === 'order') await post(SHOP_WEBHOOK_PATH, event.order, 201);
    else if (event.kind === 'catering') await post(CATERING_WEBHOOK_PATH, event.order, 202);
    else await app.services.triggers.fireDue();
    await settle();
    onEvent(event);
  }
  const end = Date.now();
  await followWaits(end);
  clock.reset();
  await settle();
}
