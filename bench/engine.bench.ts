// npm run bench:engine [-- --duration 10 --warmup 3 --rounds 1 --quick --only symbiont|node-red|ceiling]
// Workload W1 (bench/w1): a webhook receives a 1 KB order, one JSONata step summarises it, the
// response returns the summary. Measured one system after another with the same load generator
// (wrk, 1 thread, 10 connections): Symbiont on SQLite with the run and every step durably
// recorded, Node-RED 4.x with the W1 flow, and the ceiling (bare Fastify + the same expression).
// Each system is its own process; all are started and checked first, then measured in turn
// (--rounds N: N times round-robin, the median round reported), then stopped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cpuTimeMs, hasFlag, hasWrk, ROOT, say, type WrkResult, wordFlag, wrk } from './harness.ts';
import { startCeiling } from './peers/ceiling.ts';
import { startNodeRed } from './peers/node-red.ts';
import { startSymbiont } from './w1/symbiont.ts';
import { checkW1, W1_BODY, W1_LUA, type W1Records, type W1System } from './w1/workload.ts';

const SYSTEMS = ['symbiont', 'node-red', 'ceiling'] as const;
type SystemKey = (typeof SYSTEMS)[number];
const THREADS = 1;
const CONNECTIONS = 10;

/** A positive number flag; exits 2 on a bad value instead of silently using the default. */
function seconds(name: string, fallback: number): number {
  const raw = wordFlag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    say(`--${name} must be a whole number of seconds ≥ 1, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const quick = hasFlag('quick');
// --quick keeps the whole bench under a minute (a Node-RED install, if one is needed, excluded).
const duration = seconds('duration', quick ? 5 : 10);
const warmup = seconds('warmup', quick ? 2 : 3);
const rounds = seconds('rounds', 1);
const only = wordFlag('only');
if (only !== undefined && !(SYSTEMS as readonly string[]).includes(only)) {
  say(`--only must be one of ${SYSTEMS.join(', ')}, got "${only}"`);
  process.exit(2);
}
if (!hasWrk()) {
  say('wrk (the load generator) is not installed. On Debian/Ubuntu: sudo apt-get install -y wrk');
  process.exit(2);
}

const starters: Record<SystemKey, () => Promise<W1System>> = {
  symbiont: startSymbiont,
  'node-red': () => startNodeRed({ quick }),
  ceiling: startCeiling,
};
const selected = SYSTEMS.filter((key) => only === undefined || key === only);
type Round = WrkResult & { cpuUsPerRequest: number | null };
const results = new Map<SystemKey, { label: string; rounds: Round[] }>();
const failures = new Map<SystemKey, string>();
const audits = new Map<SystemKey, { line: string; ok: boolean }>();

/**
 * Every answered request must have left a run behind (wrk counts answers it read; a few more
 * may have been answered as it stopped, so runs ≥ answered). Read after the last answers land.
 */
async function audit(records: () => W1Records, answered: number): Promise<{ line: string; ok: boolean }> {
  await new Promise((r) => setTimeout(r, 500));
  const r = records();
  const ok = r.runs >= answered;
  const statuses = Object.entries(r.runStatuses)
    .map(([status, n]) => `${status} ${n}`)
    .join(', ');
  const perRun = r.runs > 0 ? (r.steps / r.runs).toFixed(2) : 'n/a';
  return {
    ok,
    line: `runs recorded ${r.runs} for ${answered} answered requests${ok ? '' : ' (FEWER: answers without a recorded run)'}; step rows ${r.steps} (${perRun} a run); runs by status: ${statuses}; journal_mode ${r.journalMode}`,
  };
}

const work = mkdtempSync(path.join(tmpdir(), 'symbiont-bench-w1-'));
// Systems run in their own process groups: on Ctrl-C end wrk, stop the systems, leave.
const running = new Map<SystemKey, W1System>();
const stopAll = async () => {
  for (const [key, system] of running) {
    await system.stop();
    running.delete(key);
  }
};
const interrupted = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping ${[...running.keys()].join(', ') || 'nothing'}…`);
    interrupted.abort();
    void stopAll().finally(() => {
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

try {
  const bodyFile = path.join(work, 'w1-body.json');
  writeFileSync(bodyFile, W1_BODY);
  const load = (url: string, seconds: number) =>
    wrk(url, {
      threads: THREADS,
      connections: CONNECTIONS,
      duration: seconds,
      script: W1_LUA,
      scriptArgs: [bodyFile],
      signal: interrupted.signal,
    });

  for (const key of selected) {
    try {
      say(`${key}: starting…`);
      const system = await starters[key]();
      running.set(key, system);
      const wrong = await checkW1(system.url);
      if (wrong) throw new Error(`wrong answer, not measured: ${wrong}`);
      say(`${key}: answer checked`);
    } catch (error) {
      failures.set(key, (error as Error).message);
      say(`${key}: FAILED: ${(error as Error).message}`);
      await running.get(key)?.stop();
      running.delete(key);
    }
  }
  // Round-robin: on a shared machine the background load drifts, so each round measures every
  // system once, in turn, and the median round is reported.
  const answered = new Map<SystemKey, number>();
  for (let round = 1; round <= rounds; round++) {
    for (const [key, system] of running) {
      if (failures.has(key)) continue;
      try {
        say(
          `[round ${round}/${rounds}] ${key}: warm-up ${warmup} s, then ${duration} s (wrk, ${THREADS} thread, ${CONNECTIONS} connections)…`,
        );
        const warm = await load(system.url, warmup);
        const cpuBefore = cpuTimeMs(system.pid);
        const measured = await load(system.url, duration);
        const cpuAfter = cpuTimeMs(system.pid);
        // Server CPU time per answered request: steadier than requests/s when the machine is shared.
        const result: Round = {
          ...measured,
          cpuUsPerRequest:
            cpuBefore !== null && cpuAfter !== null && measured.requests > 0 ? ((cpuAfter - cpuBefore) * 1000) / measured.requests : null,
        };
        const entry = results.get(key) ?? { label: system.label, rounds: [] };
        entry.rounds.push(result);
        results.set(key, entry);
        answered.set(key, (answered.get(key) ?? 1) + warm.requests + result.requests);
      } catch (error) {
        failures.set(key, (error as Error).message);
        results.delete(key);
        say(`${key}: FAILED: ${(error as Error).message}`);
      }
    }
  }
  for (const [key, system] of running) {
    const count = answered.get(key);
    if (system.records && count !== undefined && !failures.has(key)) audits.set(key, await audit(system.records, count));
  }
} finally {
  await stopAll();
  rmSync(work, { recursive: true, force: true });
}

/** The checkout measured, e.g. `16cf916` or `16cf916+changes` (figures depend on it). */
function checkout(): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 5000 }).stdout?.trim() ?? '';
  const head = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  return git(['status', '--porcelain', '--untracked-files=no', '--', 'src']) ||
    git(['ls-files', '--others', '--exclude-standard', '--', 'src'])
    ? `${head}+changes`
    : head;
}

/** Valid when no round had a failed request and every answer left a run behind. */
const valid = (key: SystemKey) =>
  audits.get(key)?.ok !== false && (results.get(key)?.rounds ?? []).every((r) => r.non2xx === 0 && r.errors === 0);
/** The round with the median throughput (the lower middle one for an even count). */
const median = (key: SystemKey): Round | undefined => {
  const sorted = [...(results.get(key)?.rounds ?? [])].sort((x, y) => x.rps - y.rps);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1)).padStart(6);
const of = rounds > 1 ? `, median of ${rounds} rounds` : '';
process.stdout.write(
  `\nW1: webhook → JSONata → response (loopback, wrk ${THREADS} thread, ${CONNECTIONS} connections, ${duration} s after ${warmup} s warm-up${of}, Node ${process.version}, Symbiont ${checkout()})\n`,
);
for (const key of selected) {
  const entry = results.get(key);
  const r = median(key);
  if (!entry || !r) {
    process.stdout.write(`${key.padEnd(52)} not measured: ${failures.get(key)}\n`);
    continue;
  }
  const requests = entry.rounds.reduce((n, x) => n + x.requests, 0);
  const non2xx = entry.rounds.reduce((n, x) => n + x.non2xx, 0);
  const errors = entry.rounds.reduce((n, x) => n + x.errors, 0);
  const each = rounds > 1 ? `   rounds [${entry.rounds.map((x) => x.rps.toFixed(0)).join(', ')}]` : '';
  process.stdout.write(
    `${entry.label.padEnd(52)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50)} ms   p99 ${ms(r.p99)} ms   server CPU ${r.cpuUsPerRequest === null ? 'n/a' : `${r.cpuUsPerRequest.toFixed(0)} µs/req`}   requests ${requests}   non-2xx ${non2xx}   socket errors ${errors}${valid(key) ? '' : '   VOID'}${each}\n`,
  );
  const checked = audits.get(key);
  if (checked) process.stdout.write(`  ${checked.line}\n`);
}
const rps = (key: SystemKey) => (valid(key) ? median(key)?.rps : undefined);
const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? (a / b).toFixed(2) : 'n/a');
const voided = [...results.keys()].filter((key) => !valid(key));
if (voided.length > 0)
  process.stdout.write(`VOID (failed requests or answers without a recorded run; figures not valid): ${voided.join(', ')}\n`);
if (failures.size > 0) process.stdout.write(`not measured: ${[...failures.keys()].join(', ')}\n`);
// Throughput a core would give if each system had it alone: 1 s / server CPU per request.
const cpu = (key: SystemKey) => (valid(key) ? (median(key)?.cpuUsPerRequest ?? undefined) : undefined);
const perCore = (key: SystemKey) => {
  const us = cpu(key);
  return us ? 1e6 / us : undefined;
};
process.stdout.write(
  `by server CPU per request (less sensitive to a shared machine): symbiont_vs_node_red=${ratio(perCore('symbiont'), perCore('node-red'))} symbiont_vs_ceiling=${ratio(perCore('symbiont'), perCore('ceiling'))}\n`,
);
process.stdout.write(
  `symbiont_vs_node_red=${ratio(rps('symbiont'), rps('node-red'))} symbiont_vs_ceiling=${ratio(rps('symbiont'), rps('ceiling'))}\n`,
);
process.exitCode = failures.size + voided.length > 0 ? 1 : 0;
