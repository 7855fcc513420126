import { seededRandom } from '../platform/seeded-random.ts';

/**
 * The demo bakery's order-to-delivery process as an event log, for the process audit: catering
 * and wholesale orders from receipt to payment, with the people who did each step. Generated,
 * deterministic (same `now`, `days`, `seed` → same events), and with what an audit should find:
 * a **bottleneck** before "Hand to courier" (packed orders wait for the one afternoon pick-up),
 * **rework** at the quality check (about one batch in six is baked again), and a manual stock
 * check in the office that passes every order between three people.
 */

export interface DemoLogEvent {
  caseId: string;
  activity: string;
  /** Completion time, ms UTC. */
  at: number;
  resource: string;
}

const OFFICE = ['Priya Nair', 'Tomás Ortega', 'Jonas Keller'];
const BAKERS = ['Lena Fischer', 'Kwame Mensah', 'Sofia Rossi', 'Dmitri Volkov'];
const SHOP = ['Hana Sato', 'Lucas Martin', 'Emma Williams', 'Noah Becker'];
const MINUTE = 60_000;

/** Exponential with the given mean (minutes), at least 1 minute. */
const wait = (random: () => number, meanMinutes: number) => Math.max(MINUTE, Math.round(-Math.log(1 - random()) * meanMinutes * MINUTE));

/**
 * `perDay` orders a day over `days` days before `now` (orders placed between 07:00 and 17:00 UTC),
 * each traced through: Order received → Check stock (office; one in five also Order flour, then
 * Flour delivered a day later) → Bake → Quality check (one in six: Bake again → Quality check
 * again) → Pack → Hand to courier (queue ~ 9 h: the bottleneck) → Delivered → Send invoice →
 * Payment received (~ 6 days; one in four after a Payment reminder). Events after `now` are left
 * out, so the newest orders are still running.
 */
export function planOrderToDelivery(options: { now: number; days: number; perDay?: number; seed?: number }): DemoLogEvent[] {
  const random = seededRandom(options.seed ?? 20261126);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
  const perDay = options.perDay ?? 30;
  const events: DemoLogEvent[] = [];
  const firstDay = Math.floor(options.now / 86_400_000) - options.days;
  let orderNo = 7000;
  for (let d = 0; d < options.days; d++) {
    for (let n = 0; n < perDay; n++) {
      orderNo += 1;
      const caseId = `ORD-${orderNo}`;
      let t = (firstDay + d) * 86_400_000 + 7 * 3_600_000 + Math.floor(random() * 10 * 3_600_000);
      const add = (activity: string, resource: string, meanMinutes: number) => {
        t += meanMinutes === 0 ? 0 : wait(random, meanMinutes);
        events.push({ caseId, activity, at: t, resource });
      };
      add('Order received', pick(SHOP), 0);
      add('Check stock', pick(OFFICE), 45);
      if (random() < 0.2) {
        add('Order flour', pick(OFFICE), 20);
        add('Flour delivered', 'Mill & Grain', 24 * 60);
      }
      add('Bake', pick(BAKERS), 6 * 60);
      add('Quality check', pick(BAKERS), 30);
      if (random() < 1 / 6) {
        add('Bake', pick(BAKERS), 90);
        add('Quality check', pick(BAKERS), 30);
      }
      add('Pack', pick(SHOP), 40);
      add('Hand to courier', pick(SHOP), 9 * 60);
      add('Delivered', 'Courier', 120);
      add('Send invoice', pick(OFFICE), 18 * 60);
      if (random() < 0.25) add('Payment reminder', pick(OFFICE), 10 * 24 * 60);
      add('Payment received', pick(OFFICE), 6 * 24 * 60);
    }
  }
  return events.filter((e) => e.at <= options.now).sort((a, b) => a.at - b.at || (a.caseId < b.caseId ? -1 : 1));
}

/** The events as CSV (columns case, activity, timestamp, resource). */
export function demoLogCsv(events: readonly DemoLogEvent[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return [
    'case,activity,timestamp,resource',
    ...events.map((e) => [e.caseId, e.activity, new Date(e.at).toISOString(), e.resource].map(quote).join(',')),
  ].join('\n');
}
