import type { App } from '../app.ts';
import type { Clock } from '../platform/clock.ts';
import type { DemoEvent } from './demo-history.domain.ts';
import { correctedOrder, type PeopleEvent, pricedByHand, type WholesaleOrder } from './demo-people-history.domain.ts';
import { INVOICE_WEBHOOK_PATH, WHOLESALE_WEBHOOK_PATH } from './demo-people-workflows.ts';
import { CATERING_WEBHOOK_PATH, SHOP_WEBHOOK_PATH } from './demo-workflows.ts';

/** Something else the demo does at a moment of its history (an idea submitted, moved, linked). */
export interface StepEvent {
  kind: 'step';
  at: number;
  label: string;
  run: () => Promise<void>;
}

export type ReplayEvent = DemoEvent | PeopleEvent | StepEvent;

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
 * Plays the demo's events through the real product: orders and invoices are POSTed to the live
 * workflows' webhooks (through the HTTP routes, in process), the evening report is fired by the
 * trigger scheduler, the engine drives every run, delay and sub-workflow, and people decide
 * their tasks through the tasks service, as themselves. Time is the replay clock's: before each
 * event the clock jumps to it — and first to every durable wait and task check (SLA) that comes
 * earlier, so a delay ends and an escalation happens when it should. The clock only jumps while
 * the engine is idle.
 */
export async function replayHistory(
  app: App,
  clock: ReplayClock,
  events: readonly ReplayEvent[],
  onEvent: (e: ReplayEvent) => void,
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

  /** Lets every durable wait and task check (SLA, expiry) before `until` happen at its own time. */
  async function followWaits(until: number): Promise<void> {
    for (;;) {
      const run = await db
        .selectFrom('runs')
        .select((eb) => eb.fn.min<string | null>('next_at').as('next'))
        .where('status', '=', 'waiting')
        .where('next_at', 'is not', null)
        .executeTakeFirst();
      const task = await db
        .selectFrom('tasks')
        .select((eb) => eb.fn.min<string | null>('next_check_at').as('next'))
        .executeTakeFirst();
      const times = [run?.next, task?.next].filter((t): t is string => typeof t === 'string').map((t) => new Date(t).getTime());
      const next = times.length > 0 ? Math.min(...times) : null;
      if (next === null || next > until) return;
      clock.set(Math.max(next, clock.now().getTime()));
      await app.services.taskScheduler.tick();
      await settle();
    }
  }

  /** Business id (invoice, wholesale order) → the run it started. */
  const runOf = new Map<string, string>();
  const wholesale = new Map<string, WholesaleOrder>();

  async function openTaskOf(key: string): Promise<string | undefined> {
    const runId = runOf.get(key);
    if (!runId) return undefined;
    const row = await db
      .selectFrom('tasks')
      .select('id')
      .where('run_id', '=', runId)
      .where('status', 'in', ['open', 'claimed'])
      .executeTakeFirst();
    return row?.id;
  }

  async function decide(event: Extract<ReplayEvent, { kind: 'decide' | 'resolve' }>): Promise<void> {
    const taskId = await openTaskOf(event.kind === 'decide' ? event.invoiceId : event.orderId);
    if (!taskId) throw new Error(`demo: no open task for ${event.kind === 'decide' ? event.invoiceId : event.orderId}`);
    const actor = await app.services.directory.actorForEmail(event.by, 'demo');
    const tasks = app.services.tasks;
    if (event.kind === 'decide') {
      await (event.decision === 'approve' ? tasks.approve(actor, taskId, event.comment) : tasks.reject(actor, taskId, event.comment));
      return;
    }
    const order = wholesale.get(event.orderId) as WholesaleOrder;
    if (event.action === 'retry') {
      const shown = (await tasks.get(actor, taskId)).context as { input: { body: WholesaleOrder } };
      await tasks.resolve(actor, taskId, {
        action: 'retry',
        input: { ...shown.input, body: correctedOrder(shown.input.body) },
        comment: event.comment,
      });
    } else if (event.action === 'skip') {
      await tasks.resolve(actor, taskId, { action: 'skip', output: pricedByHand(order), comment: event.comment });
    } else {
      await tasks.resolve(actor, taskId, { action: 'abort', comment: event.comment });
    }
  }

  async function post(path: string, body: unknown, expected: number, key?: string): Promise<void> {
    const res = await app.server.inject({
      method: 'POST',
      url: `/webhooks/${path}`,
      payload: body as object,
      headers: { 'content-type': 'application/json' },
    });
    if (res.statusCode !== expected) throw new Error(`demo: /webhooks/${path} answered ${res.statusCode}: ${res.body}`);
    if (key) runOf.set(key, (JSON.parse(res.body) as { runId: string }).runId);
  }

  for (const event of events) {
    await followWaits(event.at);
    clock.set(Math.max(event.at, clock.now().getTime()));
    if (event.kind === 'order') await post(SHOP_WEBHOOK_PATH, event.order, 201);
    else if (event.kind === 'catering') await post(CATERING_WEBHOOK_PATH, event.order, 202);
    else if (event.kind === 'invoice') await post(INVOICE_WEBHOOK_PATH, event.invoice, 202, event.invoice.id);
    else if (event.kind === 'wholesale') {
      wholesale.set(event.order.id, event.order);
      await post(WHOLESALE_WEBHOOK_PATH, event.order, 202, event.order.id);
    } else if (event.kind === 'step') {
      await event.run();
    } else if (event.kind === 'decide' || event.kind === 'resolve') {
      await settle();
      await decide(event);
    } else await app.services.triggers.fireDue();
    await settle();
    onEvent(event);
  }
  const end = Date.now();
  await followWaits(end);
  clock.reset();
  await settle();
}
