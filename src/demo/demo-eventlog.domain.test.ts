import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoLogCsv, planOrderToDelivery } from './demo-eventlog.domain.ts';

const NOW = Date.parse('2026-11-23T15:00:00Z');

describe('planOrderToDelivery', () => {
  const events = planOrderToDelivery({ now: NOW, days: 30 });
  const byCase = new Map<string, typeof events>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);

  it('is deterministic, sorted and never after now', () => {
    assert.deepEqual(planOrderToDelivery({ now: NOW, days: 30 }), events);
    assert.ok(events.every((e, i) => e.at <= NOW && (i === 0 || (events[i - 1]?.at ?? 0) <= e.at)));
    assert.equal(byCase.size, 900);
  });

  it('has the rework and the bottleneck an audit should find', () => {
    const reworked = [...byCase.values()].filter((c) => c.filter((e) => e.activity === 'Quality check').length > 1).length;
    assert.ok(reworked > 90 && reworked < 220, `${reworked} cases checked twice`);
    const gapBefore = (activity: string) => {
      const gaps: number[] = [];
      for (const c of byCase.values()) {
        for (let i = 1; i < c.length; i++) if (c[i]?.activity === activity) gaps.push((c[i]?.at ?? 0) - (c[i - 1]?.at ?? 0));
      }
      gaps.sort((a, b) => a - b);
      return gaps[gaps.length >> 1] ?? 0;
    };
    // Among the steps done the same day, the courier hand-over waits longest.
    for (const other of ['Check stock', 'Quality check', 'Pack', 'Delivered'])
      assert.ok(gapBefore('Hand to courier') > gapBefore(other), other);
  });

  it('writes CSV with the four columns', () => {
    const csv = demoLogCsv(events.slice(0, 2));
    assert.match(csv, /^case,activity,timestamp,resource\nORD-\d+,Order received,\d{4}-\d\d-\d\dT[\d:.]+Z,[A-Za-z ]+\n/);
  });
});
