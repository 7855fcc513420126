import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EventLogBuilder } from './event-log.domain.ts';
import { heuristicsMiner } from './heuristics-miner.domain.ts';
import { analyseLog } from './log-analysis.domain.ts';

/** One case per string; each character an activity, one minute apart. */
function logOf(...traces: string[]) {
  const b = new EventLogBuilder();
  traces.forEach((trace, c) => {
    for (let i = 0; i < trace.length; i++) b.add(String(c), trace[i] as string, i * 60_000, null);
  });
  return b.build();
}

const mine = (...traces: string[]) => {
  const log = logOf(...traces);
  return heuristicsMiner(log, analyseLog(log));
};

describe('heuristicsMiner', () => {
  it('computes (|a>b| − |b>a|) / (|a>b| + |b>a| + 1) and |a>a| / (|a>a| + 1)', () => {
    const net = mine('ab', 'ab', 'ab', 'ba', 'cc');
    const dep = Object.fromEntries(net.dependency.map((d) => [`${d.source}${d.target}`, d.dependency]));
    assert.equal(dep.ab, (3 - 1) / (3 + 1 + 1));
    assert.equal(dep.ba, (1 - 3) / (3 + 1 + 1));
    assert.equal(dep.cc, 1 / 2);
    assert.deepEqual(
      net.keptEdges.map((e) => `${e.source}${e.target}`),
      ['cc'],
    );
  });

  it('drops edges below 5 % of the busiest edge of both their activities before computing dependencies', () => {
    // a→b 40 times; a→c once: max(a) = 40, max(c) = 1 → 1 < min(2, 0.05) is false, kept.
    // a→b 40 times, b→a once: max(a) = max(b) = 40 → 1 < 2: dropped, so a→b has dependency 40/41.
    const net = mine(...Array(40).fill('ab'), 'ac', 'ba');
    const ab = net.dependency.find((d) => d.source === 'a' && d.target === 'b');
    assert.equal(ab?.dependency, 40 / 41);
    assert.ok(!net.dependency.some((d) => d.source === 'b' && d.target === 'a'));
    assert.ok(net.dependency.some((d) => d.source === 'a' && d.target === 'c'));
  });

  it('adds both edges of a length-two loop ⟨a, b, a⟩ whose dependencies are too weak', () => {
    // a⇄b alternate: |a>b| = |b>a| → dependency ≈ 0, but ⟨a,b,a⟩ and ⟨b,a,b⟩ occur often.
    const net = mine('sababae', 'sababae', 'sababae');
    const loop = net.keptEdges.filter((e) => e.loopTwo).map((e) => `${e.source}${e.target}`);
    assert.deepEqual(loop, ['ab', 'ba']);
    assert.ok(net.keptEdges.some((e) => e.source === 's' && e.target === 'a' && !e.loopTwo));
  });
});
