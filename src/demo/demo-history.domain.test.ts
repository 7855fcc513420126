import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wallTimeAt } from '../connectors/datetime/zoned-time.domain.ts';
import { seededRandom } from '../platform/seeded-random.ts';
import { DEMO_TIME_ZONE, orderTotal, planDemoHistory } from './demo-history.domain.ts';

// A Wednesday afternoon in Berlin (UTC+1): 2026-11-25 15:00 local.
const NOW = Date.parse('2026-11-25T14:00:00.000Z');

describe('planDemoHistory', () => {
  const events = planDemoHistory({ now: NOW, days: 14 });

  it('is the same plan every time for the same now, days and seed', () => {
    assert.deepEqual(planDemoHistory({ now: NOW, days: 14 }), events);
    assert.notDeepEqual(planDemoHistory({ now: NOW, days: 14, seed: 7 }), events);
  });

  it('plans nothing after now, in time order', () => {
    assert.ok(events.every((e) => e.at <= NOW));
    assert.ok(events.every((e, i) => i === 0 || (events[i - 1]?.at ?? 0) <= e.at));
  });

  it('has a report at 18:30 Berlin time on every past day but not yet today', () => {
    const reports = events.filter((e) => e.kind === 'report').map((e) => wallTimeAt(e.at, DEMO_TIME_ZONE));
    assert.equal(reports.length, 13);
    assert.ok(reports.every((w) => w.hour === 18 && w.minute === 30));
    assert.deepEqual([reports[0]?.day, reports.at(-1)?.day], [12, 24]);
  });

  it('places every order between 06:30 and 18:15, before its day’s report, dated in Berlin time', () => {
    for (const e of events) {
      if (e.kind !== 'order') continue;
      const w = wallTimeAt(e.at, DEMO_TIME_ZONE);
      const minute = w.hour * 60 + w.minute;
      assert.ok(minute >= 390 && minute < 1095, e.order.orderedAt);
      assert.ok(e.order.orderedAt.endsWith('+01:00'), e.order.orderedAt);
      assert.ok(e.order.items.length > 0 && orderTotal(e.order) > 0);
    }
    const ids = events.flatMap((e) => (e.kind === 'order' ? [e.order.id] : []));
    assert.equal(new Set(ids).size, ids.length, 'order ids are unique');
  });

  it('books a catering order every third day, delivered three to five days later at 09:00', () => {
    const catering = events.flatMap((e) => (e.kind === 'catering' ? [e.order] : []));
    assert.ok(catering.length >= 4);
    for (const c of catering) {
      const days = (Date.parse(c.deliveryAt) - Date.parse(c.orderedAt)) / 86_400_000;
      assert.ok(days > 2.9 && days < 6, `${c.id}: ${days} days`);
      assert.match(c.deliveryAt, /T09:00:00\.000\+01:00$/);
    }
  });

  it('has a few large orders among many ordinary ones', () => {
    const totals = events.flatMap((e) => (e.kind === 'order' ? [orderTotal(e.order)] : []));
    const large = totals.filter((t) => t >= 100).length;
    assert.ok(totals.length >= 14 * 3, `${totals.length} orders`);
    assert.ok(large >= 1 && large < totals.length / 3, `${large} large of ${totals.length}`);
  });
});

describe('orderTotal', () => {
  it('sums quantity times price to the cent', () => {
    assert.equal(
      orderTotal({
        items: [
          { product: 'Croissant', qty: 3, price: 1.9 },
          { product: 'Rye bread', qty: 1, price: 4.2 },
        ],
      }),
      9.9,
    );
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    assert.deepEqual(
      xs,
      Array.from({ length: 100 }, () => b()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });
});
