import { toLocalIso, wallTimeAt } from '../connectors/datetime/zoned-time.domain.ts';
import { seededRandom } from '../platform/seeded-random.ts';
import { DEMO_TIME_ZONE, demoDay, PRODUCTS } from './demo-history.domain.ts';

/**
 * The people side of the demo bakery's recent past: supplier invoices that need an approval
 * from 250 € on, wholesale orders whose misspelt products a person must sort out, and what
 * the office and the shop decided, when. Pure and deterministic like `planDemoHistory`.
 * Decisions that would fall after `now` are left out, and so are those on the newest three
 * approvals and the newest two exceptions, so the inbox has work waiting.
 */

/** Invoices from this amount (euros) need an approval. */
export const APPROVAL_FROM_EUR = 250;
/** The approval's SLA in hours: later decisions are taken by the office manager after escalation. */
export const APPROVAL_SLA_HOURS = 8;

export const DEMO_APPROVER = 'priya@crumb.example';
export const DEMO_OFFICE_MANAGER = 'amira@crumb.example';
export const DEMO_SHOP_MANAGER = 'hana@crumb.example';

const SUPPLIERS = [
  { name: 'Mill & Grain', what: 'Flour, 25 kg sacks', low: 180, high: 1400 },
  { name: 'Alpine Dairy', what: 'Butter and cream', low: 120, high: 900 },
  { name: 'Sweet Supply Co.', what: 'Sugar, chocolate, fillings', low: 60, high: 650 },
  { name: 'Boxes & Bags', what: 'Packaging', low: 40, high: 380 },
  { name: 'Stadtwerke', what: 'Electricity for the ovens', low: 300, high: 1800 },
] as const;

const WHOLESALE_CLIENTS = ['Café Sonne', 'Kiosk am Park', 'Bistro Hafen', 'Campus Canteen'];

/** Misspellings a client's order form lets through, and the product each one means. */
export const MISSPELLINGS: Record<string, string> = {
  Crossaint: 'Croissant',
  'Rye bred': 'Rye bread',
  'Cinamon roll': 'Cinnamon roll',
  'Pain au choc': 'Pain au chocolat',
};

export interface SupplierInvoice {
  id: string;
  supplier: string;
  description: string;
  amount: number;
  receivedAt: string;
}

export interface WholesaleOrder {
  id: string;
  orderedAt: string;
  customer: { name: string; email: string };
  items: { product: string; qty: number }[];
}

export type PeopleEvent =
  | { kind: 'invoice'; at: number; invoice: SupplierInvoice }
  | { kind: 'decide'; at: number; invoiceId: string; decision: 'approve' | 'reject'; by: string; comment: string }
  | { kind: 'wholesale'; at: number; order: WholesaleOrder }
  | { kind: 'resolve'; at: number; orderId: string; action: 'retry' | 'skip' | 'abort'; by: string; comment: string };

const HOUR = 3_600_000;

/**
 * Events of the last `days` days up to `now`: on weekdays 2–4 supplier invoices between 08:00
 * and 16:00 (amounts between the supplier's low and high), each one from 250 € decided 1–30 h
 * later — by the approver within the 8 h SLA, by the office manager after it (escalated);
 * one in eight rejected. Monday to Saturday 1–3 wholesale orders between 07:00 and 11:00, two in
 * five with a misspelt product; those are resolved 1–7 h later by the shop manager: corrected
 * and retried (6 in 10), priced by hand and skipped (3 in 10), or aborted.
 */
export function planPeopleHistory(options: { now: number; days: number; seed?: number }): PeopleEvent[] {
  const random = seededRandom(options.seed ?? 20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const events: PeopleEvent[] = [];
  const today = wallTimeAt(options.now, DEMO_TIME_ZONE);
  let invoiceNo = 5180;
  let orderNo = 310;
  for (let back = options.days - 1; back >= 0; back--) {
    const { date, at: instant } = demoDay(today, back);
    const at = (minuteOfDay: number) => instant(Math.floor(minuteOfDay / 60), minuteOfDay % 60, Math.floor(random() * 60));
    const weekday = date.getUTCDay();
    if (weekday >= 1 && weekday <= 5) {
      for (let n = 2 + Math.floor(random() * 3); n > 0; n--) {
        const when = at(480 + Math.floor(random() * 480));
        const supplier = pick(SUPPLIERS);
        const amount = Math.round((supplier.low + random() * (supplier.high - supplier.low)) * 100) / 100;
        invoiceNo += 1;
        const invoice = {
          id: `INV-${invoiceNo}`,
          supplier: supplier.name,
          description: supplier.what,
          amount,
          receivedAt: toLocalIso(when, DEMO_TIME_ZONE),
        };
        events.push({ kind: 'invoice', at: when, invoice });
        if (amount >= APPROVAL_FROM_EUR) {
          const delay = (1 + random() * 29) * HOUR;
          const escalated = delay > APPROVAL_SLA_HOURS * HOUR;
          const reject = random() < 0.125;
          events.push({
            kind: 'decide',
            at: when + delay,
            invoiceId: invoice.id,
            decision: reject ? 'reject' : 'approve',
            by: escalated ? DEMO_OFFICE_MANAGER : DEMO_APPROVER,
            comment: reject
              ? 'Not what we ordered — asked the supplier for a credit note.'
              : escalated
                ? 'Approved after the reminder.'
                : 'Checked against the delivery note.',
          });
        }
      }
    }
    if (weekday !== 0) {
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        const when = at(420 + Math.floor(random() * 240));
        const name = pick(WHOLESALE_CLIENTS);
        const everyday = PRODUCTS.filter((p) => p.price < 10);
        const items = new Map<string, number>();
        for (let k = 2 + Math.floor(random() * 2); k > 0; k--) {
          const p = pick(everyday).name;
          items.set(p, (items.get(p) ?? 0) + 10 + 5 * Math.floor(random() * 10));
        }
        const lines = [...items].map(([product, qty]) => ({ product, qty }));
        const misspelt = random() < 0.4;
        if (misspelt) {
          const [wrong, right] = pick(Object.entries(MISSPELLINGS));
          const existing = lines.find((l) => l.product === right);
          if (existing) existing.product = wrong;
          else lines.push({ product: wrong, qty: 20 });
        }
        orderNo += 1;
        const order = {
          id: `WHS-${orderNo}`,
          orderedAt: toLocalIso(when, DEMO_TIME_ZONE),
          customer: { name, email: `orders@${slug(name)}.example` },
          items: lines,
        };
        events.push({ kind: 'wholesale', at: when, order });
        if (misspelt) {
          const r = random();
          const action = r < 0.6 ? 'retry' : r < 0.9 ? 'skip' : 'abort';
          events.push({
            kind: 'resolve',
            at: when + (1 + random() * 6) * HOUR,
            orderId: order.id,
            action,
            by: DEMO_SHOP_MANAGER,
            comment:
              action === 'retry'
                ? 'Fixed the product name and ran it again.'
                : action === 'skip'
                  ? 'Priced it by hand.'
                  : 'The client cancelled on the phone.',
          });
        }
      }
    }
  }
  const past = events.filter((e) => e.at <= options.now).sort((a, b) => a.at - b.at);
  const keepOpen = new Set([
    ...past
      .filter((e) => e.kind === 'invoice' && e.invoice.amount >= APPROVAL_FROM_EUR)
      .slice(-3)
      .map((e) => (e.kind === 'invoice' ? e.invoice.id : '')),
    ...past
      .filter((e) => e.kind === 'wholesale' && e.order.items.some((i) => i.product in MISSPELLINGS))
      .slice(-2)
      .map((e) => (e.kind === 'wholesale' ? e.order.id : '')),
  ]);
  return past.filter((e) => !(e.kind === 'decide' && keepOpen.has(e.invoiceId)) && !(e.kind === 'resolve' && keepOpen.has(e.orderId)));
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '-');

/** The order with every misspelt product replaced by the product it means (what the shop manager types in). */
export function correctedOrder<T extends { items: { product: string; qty: number }[] }>(order: T): T {
  return { ...order, items: order.items.map((i) => ({ ...i, product: MISSPELLINGS[i.product] ?? i.product })) };
}

/** What the shop manager enters when pricing an order by hand: each line at the list price (unknown ones corrected first). */
export function pricedByHand(order: WholesaleOrder): {
  order: string;
  lines: { product: string; qty: number; amount: number }[];
  total: number;
  byHand: true;
} {
  const lines = correctedOrder(order).items.map((i) => {
    const price = PRODUCTS.find((p) => p.name === i.product)?.price ?? 0;
    return { product: i.product, qty: i.qty, amount: Math.round(i.qty * price * 100) / 100 };
  });
  return { order: order.id, lines, total: Math.round(lines.reduce((s, l) => s + l.amount * 100, 0)) / 100, byHand: true };
}
