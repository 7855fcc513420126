import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/**
 * Checks the counting sink of the crash tests. It holds `<key> <attempt> <launch>` per
 * execution of a side-effecting step and `done <key> …` once that step's completion was
 * committed. A completed step never runs again; a step cut off by a kill runs once more, in
 * another process, with the same key and a higher attempt. Returns how many keys ran again.
 */
export function checkSink(
  file: string,
  expectedKeys: number,
  plannedRuns: (key: string) => number,
): { rerun: number; completions: number } {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '));
  const done = new Set<string>();
  const execs = new Map<string, { attempt: number; launch: string }[]>();
  for (const l of lines) {
    if (l[0] === 'done') {
      done.add(l[1] as string);
      continue;
    }
    const key = l[0] as string;
    assert.ok(!done.has(key), `${key} ran again after its completion was committed`);
    execs.set(key, [...(execs.get(key) ?? []), { attempt: Number(l[1]), launch: l[2] as string }]);
  }
  assert.equal(execs.size, expectedKeys, 'every sink step ran');
  let rerun = 0;
  for (const [key, list] of execs) {
    const planned = plannedRuns(key);
    const launches = new Set(list.map((e) => e.launch)).size;
    assert.ok(list.length <= planned + (launches - 1), `${key} ran ${list.length} times in ${launches} processes`);
    // An attempt recorded as started but killed before its side effect shows as a gap.
    list.forEach((e, i) => {
      if (i > 0) assert.ok(e.attempt > (list[i - 1]?.attempt ?? 0), `${key}: attempts go up`);
    });
    if (list.length > planned) rerun += 1;
  }
  return { rerun, completions: done.size };
}
