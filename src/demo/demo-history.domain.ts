import { toLocalIso, type WallTime, wallTimeAt, wallToEpoch, wallToInstant } from '../connectors/datetime/zoned-time.domain.ts';
import { seededRandom } from '../platform/seeded-random.ts';

/**
 * The demo bakery's recent past as a plan of events — web-shop orders, catering orders and the
 * evening sales reports — which the demo loader then plays through the engine. Pure and
 * deterministic: the same `now`, `days` and `seed` give the same plan.
 */

export const DEMO_TIME_ZONE = 'Europe/Berlin';

export interface Product {
  name: string;
  /** Price in euros (two decimals). */
  price: number;
}

export const PRODUCTS: Product[] = [
  { name: 'Sourdough loaf', price: 4.8 },
  { name: 'Rye bread', price: 4.2 },
  { name: 'Croissant', price: 1.9 },
  { name: 'Pain au chocolat', price: 2.2 },
  { name: 'Cinnamon roll', price: 2.6 },
  { name: 'Apple strudel', price: 3.5 },
  { name: 'Seed rolls (6)', price: 3.9 },
  { name: 'Birthday cake', price: 38 },
];

const CUSTOMERS = [
  'Anna Schmidt',
  'Ben Okafor',
  'Clara Weiss',
  'David Novak',
  'Elif Yilmaz',
  'Felix Braun',
  'Greta Hansen',
  'Hugo Lefèvre',
  'Ines Costa',
  'Jan de Vries',
  'Katrin Vogel',
  'Luca Bianchi',
];

const CATERING_CLIENTS = ['Mill Street Law Office', 'Riverside Primary School', 'Hotel Lindenhof', 'Atelier Nord'];

export interface ShopOrder {
  id: string;
  orderedAt: string;
  customer: { name: string; email: string };
  items: { product: string; qty: number; price: number }[];
}

export interface CateringOrder {
  id: string;
  orderedAt: string;
  deliveryAt: string;
  customer: { name: string; email: string };
  items: { product: string; qty: number }[];
}

export type DemoEvent =
  | { kind: 'order'; at: number; order: ShopOrder }
  | { kind: 'catering'; at: number; order: CateringOrder }
  | { kind: 'report'; at: number };

const email = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@example.com`;

/** The sum of an order's lines, rounded to cents. */
export function orderTotal(order: Pick<ShopOrder, 'items'>): number {
  return Math.round(order.items.reduce((sum, i) => sum + i.qty * i.price, 0) * 100) / 100;
}

/**
 * Events of the last `days` days up to `now` (inclusive, local days in Europe/Berlin), sorted by
 * time: 4–8 web-shop orders a day between 06:30 and 18:15 (before the report) (2–4 on Sundays), about one in six
 * of them large (a birthday cake or a big basket); a catering order every third day, delivered
 * 3–5 days later at 09:00; and the sales report at 18:30 each evening. Nothing after `now`.
 */
export function planDemoHistory(options: { now: number; days: number; seed?: number }): DemoEvent[] {
  const random = seededRandom(options.seed ?? 20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const events: DemoEvent[] = [];
  const today = wallTimeAt(options.now, DEMO_TIME_ZONE);
  let orderNo = 10_231;
  let cateringNo = 2041;
  for (let back = options.days - 1; back >= 0; back--) {
    const { date, at } = demoDay(today, back);
    const sunday = date.getUTCDay() === 0;
    const count = sunday ? 2 + Math.floor(random() * 3) : 4 + Math.floor(random() * 5);
    const minutes = Array.from({ length: count }, () => 390 + Math.floor(random() * 705)).sort((a, b) => a - b);
    for (const minute of minutes) {
      const when = at(Math.floor(minute / 60), minute % 60, Math.floor(random() * 60));
      const name = pick(CUSTOMERS);
      const large = random() < 0.17;
      const lines = new Map<string, { product: string; qty: number; price: number }>();
      const add = (p: Product, qty: number) => {
        const line = lines.get(p.name);
        if (line) line.qty += qty;
        else lines.set(p.name, { product: p.name, qty, price: p.price });
      };
      const everyday = PRODUCTS.filter((p) => p.price < 10);
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) add(pick(everyday), 1 + Math.floor(random() * 4));
      if (large) {
        if (random() < 0.6) add(PRODUCTS.find((p) => p.name === 'Birthday cake') as Product, 1 + Math.floor(random() * 2));
        else add(pick(everyday), 20 + Math.floor(random() * 20));
      }
      orderNo += 1;
      events.push({
        kind: 'order',
        at: when,
        order: {
          id: `WEB-${orderNo}`,
          orderedAt: toLocalIso(when, DEMO_TIME_ZONE),
          customer: { name, email: email(name) },
          items: [...lines.values()],
        },
      });
    }
    if (back % 3 === 1) {
      const when = at(10, 15);
      const delivery = wallToInstant(
        { ...epochDay(date, 3 + Math.floor(random() * 3)), hour: 9, minute: 0, second: 0, millisecond: 0 },
        DEMO_TIME_ZONE,
      );
      const client = pick(CATERING_CLIENTS);
      cateringNo += 1;
      events.push({
        kind: 'catering',
        at: when,
        order: {
          id: `CAT-${cateringNo}`,
          orderedAt: toLocalIso(when, DEMO_TIME_ZONE),
          deliveryAt: toLocalIso(delivery, DEMO_TIME_ZONE),
          customer: { name: client, email: email(client) },
          items: [
            { product: 'Croissant', qty: 40 + 10 * Math.floor(random() * 5) },
            { product: 'Seed rolls (6)', qty: 10 + 5 * Math.floor(random() * 4) },
            { product: 'Apple strudel', qty: 12 + 6 * Math.floor(random() * 3) },
          ],
        },
      });
    }
    events.push({ kind: 'report', at: at(18, 30, 5) });
  }
  return events.filter((e) => e.at <= options.now).sort((a, b) => a.at - b.at);
}

/**
 * The local day `back` days before `today` in the demo's time zone: `date` is its UTC noon
 * (for the weekday), `at(hour, minute, second)` an instant on it.
 */
export function demoDay(today: WallTime, back: number): { date: Date; at: (hour: number, minute: number, second?: number) => number } {
  const date = new Date(wallToEpoch({ ...today, hour: 12, minute: 0, second: 0, millisecond: 0 }) - back * 86_400_000);
  const day: WallTime = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
  return { date, at: (hour, minute, second = 0) => wallToInstant({ ...day, hour, minute, second }, DEMO_TIME_ZONE) };
}

/** The calendar day `plus` days after `date` (a UTC noon of a local date). */
function epochDay(date: Date, plus: number): WallTime {
  const d = new Date(date.getTime() + plus * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 };
}
