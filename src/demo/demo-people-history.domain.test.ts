import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRODUCTS } from './demo-history.domain.ts';
import {
  APPROVAL_FROM_EUR,
  APPROVAL_SLA_HOURS,
  correctedOrder,
  DEMO_APPROVER,
  DEMO_OFFICE_MANAGER,
  MISSPELLINGS,
  type PeopleEvent,
  planPeopleHistory,
  pricedByHand,
} from './demo-people-history.domain.ts';

const NOW = Date.parse('2026-11-23T15:00:00Z');

describe('planPeopleHistory', () => {
  const events = planPeopleHistory({ now: NOW, days: 14 });
  const of = <K extends PeopleEvent['kind']>(kind: K) => events.filter((e): e is Extract<PeopleEvent, { kind: K }> => e.kind === kind);

  it('is deterministic, sorted and never after now', () => {
    assert.deepEqual(planPeopleHistory({ now: NOW, days: 14 }), events);
    assert.ok(events.every((e, i) => e.at <= NOW && (i === 0 || (events[i - 1] as PeopleEvent).at <= e.at)));
    assert.notDeepEqual(planPeopleHistory({ now: NOW, days: 14, seed: 7 }), events);
  });

  it('decides only invoices that need an approval, after they arrived; late ones by the office manager', () => {
    const invoices = new Map(of('invoice').map((e) => [e.invoice.id, e]));
    assert.ok(of('decide').length >= 5);
    for (const d of of('decide')) {
      const invoice = invoices.get(d.invoiceId);
      assert.ok(invoice && invoice.invoice.amount >= APPROVAL_FROM_EUR && d.at > invoice.at, d.invoiceId);
      const late = d.at - invoice.at > APPROVAL_SLA_HOURS * 3_600_000;
      assert.equal(d.by, late ? DEMO_OFFICE_MANAGER : DEMO_APPROVER);
    }
  });

  it('leaves the newest three approvals and two exceptions open', () => {
    const needing = of('invoice').filter((e) => e.invoice.amount >= APPROVAL_FROM_EUR);
    const decided = new Set(of('decide').map((d) => d.invoiceId));
    for (const e of needing.slice(-3)) assert.ok(!decided.has(e.invoice.id), e.invoice.id);
    const misspelt = of('wholesale').filter((e) => e.order.items.some((i) => i.product in MISSPELLINGS));
    const resolved = new Set(of('resolve').map((r) => r.orderId));
    for (const e of misspelt.slice(-2)) assert.ok(!resolved.has(e.order.id), e.order.id);
    for (const r of of('resolve'))
      assert.ok(
        misspelt.some((e) => e.order.id === r.orderId),
        r.orderId,
      );
  });
});

describe('correctedOrder and pricedByHand', () => {
  const order = {
    id: 'WHS-1',
    orderedAt: '2026-11-23T08:00:00+01:00',
    customer: { name: 'Café Sonne', email: 'orders@cafe-sonne.example' },
    items: [
      { product: 'Crossaint', qty: 20 },
      { product: 'Rye bread', qty: 3 },
    ],
  };
  it('replaces misspelt products and keeps the rest', () => {
    assert.deepEqual(
      correctedOrder(order).items.map((i) => i.product),
      ['Croissant', 'Rye bread'],
    );
    assert.equal(order.items[0]?.product, 'Crossaint', 'the original is not changed');
  });
  it('prices every line at the list price', () => {
    const price = (name: string) => PRODUCTS.find((p) => p.name === name)?.price ?? Number.NaN;
    const priced = pricedByHand(order);
    assert.deepEqual(
      priced.lines.map((l) => l.amount),
      [Math.round(20 * price('Croissant') * 100) / 100, Math.round(3 * price('Rye bread') * 100) / 100],
    );
    assert.equal(priced.total, Math.round((priced.lines[0]?.amount ?? 0) * 100 + (priced.lines[1]?.amount ?? 0) * 100) / 100);
  });
});
