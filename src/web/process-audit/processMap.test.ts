import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProcessMap, dependencyEdges, END, START, shortDuration, toCsv } from './processMap.ts';

// register → check → decide → pay, with check → check (self-loop) and decide → check (rework); "audit" is rare.
const activities = [
  { name: 'register', events: 10, starts: 10, ends: 0 },
  { name: 'check', events: 14, starts: 0, ends: 0 },
  { name: 'decide', events: 12, starts: 0, ends: 0 },
  { name: 'pay', events: 10, starts: 0, ends: 9 },
  { name: 'audit', events: 1, starts: 0, ends: 1 },
];
const edge = (source: string, target: string, count: number) => ({ source, target, count, meanSeconds: 60 * count, medianSeconds: 60 });
const dfg = [
  edge('register', 'check', 10),
  edge('check', 'check', 2),
  edge('check', 'decide', 12),
  edge('decide', 'check', 2),
  edge('decide', 'pay', 10),
  edge('pay', 'audit', 1),
];

describe('buildProcessMap', () => {
  it('shows everything at 100 %, rows follow the flow, loops are back edges', () => {
    const map = buildProcessMap(activities, dfg, 1, 1);
    const row = (id: string) => map.nodes.find((n) => n.id === id)?.y;
    assert.ok((row(START) ?? 0) < (row('register') ?? 0));
    assert.ok((row('register') ?? 0) < (row('check') ?? 0));
    assert.ok((row('check') ?? 0) < (row('decide') ?? 0));
    assert.ok((row('pay') ?? 0) < (row(END) ?? 0));
    const back = map.links.filter((l) => l.back).map((l) => `${l.from}>${l.to}`);
    assert.deepEqual(back.sort(), ['check>check', 'decide>check']);
    assert.deepEqual(map.shown, { activities: 5, of: 5, paths: 6, ofPaths: 6 });
    const widest = map.links.reduce((w, l) => Math.max(w, l.width), 0);
    assert.equal(widest, 8);
  });

  it('drops rare activities and paths, but keeps every shown activity connected', () => {
    const map = buildProcessMap(activities, dfg, 0.8, 0);
    assert.ok(!map.nodes.some((n) => n.id === 'audit'));
    const inner = map.links.filter((l) => l.from !== START && l.to !== END).map((l) => `${l.from}>${l.to}`);
    // No path share, yet each activity keeps its strongest in and out edge.
    assert.deepEqual(inner.sort(), ['check>decide', 'decide>pay', 'register>check']);
    assert.equal(map.shown.activities, 4);
  });
});

describe('helpers', () => {
  it('formats durations and CSV', () => {
    assert.equal(shortDuration(42), '42 s');
    assert.equal(shortDuration(720), '12 min');
    assert.equal(shortDuration(5400), '1.5 h');
    assert.equal(shortDuration(3 * 86_400), '3 d');
    assert.equal(toCsv([{ a: 'x, y', b: ['p', 'q'] }], ['a', 'b']), 'a,b\r\n"x, y",p → q');
  });
});

describe('dependencyEdges', () => {
  it('draws the heuristics net: kept edges with their counts, the dependency as the label value', () => {
    const edges = dependencyEdges([{ source: 'register', target: 'check', dependency: 0.9, count: 10 }]);
    assert.deepEqual(edges, [{ source: 'register', target: 'check', count: 10, meanSeconds: 0.9, medianSeconds: 0.9 }]);
    const map = buildProcessMap(activities, edges, 1, 1);
    assert.deepEqual(
      map.links.filter((l) => l.from !== START && l.to !== END).map((l) => `${l.from}>${l.to}`),
      ['register>check'],
    );
  });
});
