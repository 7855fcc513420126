// npm run bench:waits [-- --runs 100000 --window 120 --concurrency 32 --quick]
// --runs runs of a webhook → durable delay (until a deadline in the request) → one more step,
// all started through the public webhook of `symbiont start` (SQLite) before the first deadline,
// the deadlines spread evenly over --window seconds. Measured: the server's RSS (VmRSS from
// /proc) idle before any run, after a warm-up, while starting, while every run waits, while they
// wake and at the end (growth = waiting − before any run); and each run's timer lateness = the
// start of the step after the delay minus its deadline (read from run_steps).
// Peer, in the same run: a plain Node process holding the same number of runs as in-memory
// setTimeout timers with their data, same deadlines layout, same RSS reading.
// Last lines: `rss_growth_mb=<n>` and `timer_lateness_p99_ms=<n>` (target ≤ 1000).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';
import { Agent, request } from 'undici';
import { checkout, hasFlag, quantile, rssMb, say, wholeFlag } from './harness.ts';
import { prepareServer } from './symbiont-server.ts';
import { W1_BODY } from './w1/workload.ts';
import { AFTER_NODE, WAITS_DEFINITION, WAITS_WEBHOOK_PATH } from './waits/workflow.ts';

const quick = hasFlag('quick');
const runs = wholeFlag('runs', quick ? 10_000 : 100_000);
const windowMs = wholeFlag('window', quick ? 10 : 120) * 1000;
const concurrency = wholeFlag('concurrency', 32);
const warmupRuns = quick ? 1000 : 4000;
const TARGET_RSS_GROWTH_MB = 200;
const TARGET_P99_MS = 1000;
const PEER = path.join(import.meta.dirname, 'waits', 'timer-peer.mjs');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const began = Date.now();
const elapsed = () => `${((Date.now() - began) / 1000).toFixed(1)} s`;

/** VmRSS of one process every 200 ms. */
function sampleRss(pid: number | undefined) {
  const samples: { at: number; mb: number }[] = [];
  const take = () => {
    const mb = rssMb(pid);
    if (mb !== null) samples.push({ at: Date.now(), mb });
  };
  take();
  const timer = setInterval(take, 200);
  return {
    stop: () => clearInterval(timer),
    now: () => rssMb(pid) ?? Number.NaN,
    /** Highest sample in [from, to]; the nearest earlier one when none fell inside. */
    max(from: number, to: number): number {
      const inside = samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.mb);
      if (inside.length > 0) return Math.max(...inside);
      return samples.filter((s) => s.at <= to).at(-1)?.mb ?? Number.NaN;
    },
  };
}

interface Figures {
  label: string;
  /** Baseline: VmRSS when the process was up and idle, before it held any run (MB). */
  rssCold: number;
  /** Idle after the warm-up (Symbiont; the peer has none). */
  rssBefore: number;
  /** Highest while the runs were being started (Symbiont: HTTP load) or armed. */
  rssStartPeak: number;
  /** Highest between the last start and the first deadline: every run waiting. */
  rssWaiting: number;
  /** Highest while the timers fired. */
  rssWakePeak: number;
  rssEnd: number;
  p50: number;
  p99: number;
  max: number;
  note: string;
}

/** Opens the SQLite file read-only for one query (WAL lets a reader in beside the server). */
function query<T>(file: string, sql: string): T[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
const succeeded = (file: string) => query<{ n: number }>(file, "select count(*) as n from runs where status = 'succeeded'")[0]?.n ?? 0;

/** Starts runs i in [from, from + count) through the webhook, `concurrency` at a time. */
async function startRuns(
  url: string,
  from: number,
  count: number,
  untilOf: (i: number) => number,
  onAck: (i: number, runId: string, deadline: number) => void,
): Promise<{ failed: number; firstError: string | null }> {
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  let next = from;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    while (next < from + count) {
      const i = next++;
      const deadline = untilOf(i);
      const body = `{"n":${i},"until":"${new Date(deadline).toISOString()}","order":${W1_BODY}}`;
      try {
        const res = await request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          dispatcher: agent,
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.body.text();
        const runId = res.statusCode === 202 ? (JSON.parse(text) as { runId?: unknown }).runId : undefined;
        if (typeof runId === 'string') onAck(i, runId, deadline);
        else {
          failed += 1;
          firstError ??= `${res.statusCode} ${text.slice(0, 300)}`;
        }
      } catch (error) {
        failed += 1;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await agent.close();
  return { failed, firstError };
}

async function measureSymbiont(): Promise<Figures & { startLine: string; parkedLine: string; failed: number; startedLate: number }> {
  say('symbiont: preparing a data dir, an admin and an API token…');
  const server = await prepareServer({ name: 'waits' });
  try {
    const startMs = await server.start();
    await server.publish('Waits', WAITS_DEFINITION);
    const url = `${server.base}/webhooks/${WAITS_WEBHOOK_PATH}`;
    await sleep(1000);
    const rss = sampleRss(server.pid());
    const rssCold = rss.now();
    say(`symbiont: ready in ${(startMs / 1000).toFixed(1)} s, RSS ${rssCold.toFixed(0)} MB; warm-up: ${warmupRuns} runs waiting 2 s each…`);
    // Warm-up (not measured): code paths compiled and caches filled; its second half measures the
    // start rate. Its runs wake after it ends, so they do not slow it down.
    const halves = [Math.floor(warmupRuns / 2), warmupRuns - Math.floor(warmupRuns / 2)] as const;
    const warmAt = () => Date.now() + 2000;
    const warm1 = await startRuns(url, 0, halves[0], warmAt, () => undefined);
    const rateStart = Date.now();
    const warm2 = await startRuns(url, halves[0], halves[1], warmAt, () => undefined);
    const rate = halves[1] / ((Date.now() - rateStart) / 1000);
    if (warm1.failed + warm2.failed > 0) throw new Error(`warm-up: webhook calls failed: ${warm1.firstError ?? warm2.firstError}`);
    for (const until = Date.now() + 60_000; succeeded(server.dbFile) < warmupRuns && Date.now() < until; ) await sleep(250);
    await sleep(500);
    const rssBefore = rss.now();
    // Every run should be parked before the first deadline: the warm-up's rate (it has so far
    // always been below the rate that follows) plus 2 s; a run acknowledged after its deadline is
    // counted and reported.
    const first = Date.now() + Math.round((runs / rate) * 1000) + 2000;
    say(
      `symbiont: ${elapsed()}: RSS idle after the warm-up ${rssBefore.toFixed(0)} MB; starting ${runs} runs (${rate.toFixed(0)} runs/s in the warm-up), first deadline in ${((first - Date.now()) / 1000).toFixed(0)} s, the last ${windowMs / 1000} s after it…`,
    );
    const deadlines = new Map<string, number>();
    let startedLate = 0;
    const startBegin = Date.now();
    let lastReport = startBegin;
    const started = await startRuns(
      url,
      warmupRuns,
      runs,
      (i) => first + Math.floor((windowMs * (i - warmupRuns)) / runs),
      (_i, runId, deadline) => {
        deadlines.set(runId, deadline);
        if (Date.now() >= deadline) startedLate += 1;
        if (Date.now() - lastReport >= 10_000) {
          lastReport = Date.now();
          say(`symbiont: ${elapsed()}: ${deadlines.size}/${runs} runs started, RSS ${rss.now().toFixed(0)} MB`);
        }
      },
    );
    const startEnd = Date.now();
    const startSeconds = (startEnd - startBegin) / 1000;
    const startLine = `${deadlines.size} runs started through the webhook in ${startSeconds.toFixed(1)} s (${(deadlines.size / startSeconds).toFixed(0)} runs/s, ${concurrency} connections)${started.failed > 0 ? `; ${started.failed} FAILED: ${started.firstError}` : ''}${startedLate > 0 ? `; ${startedLate} acknowledged only after their deadline had passed (their lateness includes that)` : ''}`;
    say(`symbiont: ${elapsed()}: ${startLine}`);
    if (first - Date.now() > 1500) await sleep(first - Date.now() - 1000);
    const statuses = query<{ status: string; n: number }>(server.dbFile, 'select status, count(*) as n from runs group by status');
    const parkedLine = `runs by status ${((first - Date.now()) / 1000).toFixed(1)} s before the first deadline: ${statuses.map((x) => `${x.status} ${x.n}`).join(', ')}`;
    const waitEnd = Math.max(startEnd, Date.now());
    const rssWaiting = rss.max(startEnd, waitEnd);
    say(`symbiont: ${elapsed()}: ${parkedLine}; RSS ${rssWaiting.toFixed(0)} MB while they wait`);
    const total = warmupRuns + deadlines.size;
    const until = first + windowMs + Math.max(120_000, windowMs);
    let done = succeeded(server.dbFile);
    lastReport = Date.now();
    while (done < total && Date.now() < until) {
      await sleep(500);
      done = succeeded(server.dbFile);
      if (Date.now() - lastReport >= 10_000) {
        lastReport = Date.now();
        say(`symbiont: ${elapsed()}: ${done - warmupRuns}/${deadlines.size} runs done, RSS ${rss.now().toFixed(0)} MB`);
      }
    }
    const wakeEnd = Date.now();
    await sleep(1000);
    const rssEnd = rss.now();
    rss.stop();
    const rows = query<{ run_id: string; started_at: string }>(
      server.dbFile,
      `select run_id, started_at from run_steps where node_id = '${AFTER_NODE}'`,
    );
    const lateness: number[] = [];
    for (const r of rows) {
      const deadline = deadlines.get(r.run_id);
      if (deadline !== undefined) lateness.push(Date.parse(r.started_at) - deadline);
    }
    const sorted = Float64Array.from(lateness).sort();
    const missing = deadlines.size - lateness.length;
    return {
      label: 'Symbiont (SQLite, durable delay)',
      rssCold,
      rssBefore,
      rssStartPeak: rss.max(startBegin, startEnd),
      rssWaiting,
      rssWakePeak: rss.max(waitEnd, wakeEnd),
      rssEnd,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
      note: missing > 0 ? `${missing} runs NOT DONE after the bounded wait` : `all ${lateness.length} done`,
      startLine,
      parkedLine,
      failed: started.failed + missing,
      startedLate,
    };
  } finally {
    await server.stop();
    server.remove();
  }
}

/** Reads lines of a child's stdout until one starts with `word`; rejects after `timeoutMs`. */
async function lineStarting(lines: AsyncIterator<string>, word: string, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      (async () => {
        for (let r = await lines.next(); !r.done; r = await lines.next()) if (r.value.startsWith(word)) return r.value;
        throw new Error(`the peer ended before "${word}"`);
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the peer did not say "${word}" within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function measurePeer(): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-bench-waits-peer-'));
  const payload = path.join(dir, 'order.json');
  writeFileSync(payload, W1_BODY);
  let child: ChildProcess | null = null;
  try {
    child = spawn(process.execPath, [PEER, payload], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
    await lineStarting(lines, 'ready', 10_000);
    await sleep(500);
    const rss = sampleRss(child.pid);
    const rssBefore = rss.now();
    // Lead time: arming (one JSON.parse and one timer a run) must end before the first deadline.
    const leadMs = Math.max(1000, Math.ceil(runs / 20));
    const armStart = Date.now();
    child.stdin?.write(`arm ${runs} ${windowMs} ${leadMs}\n`);
    const first = Number((await lineStarting(lines, 'armed', leadMs + 30_000)).split(' ')[1]);
    const armEnd = Date.now();
    if (first - Date.now() > 1000) await sleep(first - Date.now() - 500);
    const waitEnd = Date.now();
    const rssWaiting = rss.max(armEnd, waitEnd);
    say(`peer: ${elapsed()}: ${runs} timers armed; RSS ${rssWaiting.toFixed(0)} MB while they wait`);
    const result = JSON.parse((await lineStarting(lines, 'result', windowMs + 60_000)).slice('result '.length)) as {
      p50: number;
      p99: number;
      max: number;
    };
    const wakeEnd = Date.now();
    const rssEnd = rss.now();
    rss.stop();
    return {
      label: 'peer: in-memory setTimeout per run',
      rssCold: rssBefore,
      rssBefore,
      rssStartPeak: rss.max(armStart, armEnd),
      rssWaiting,
      rssWakePeak: rss.max(waitEnd, wakeEnd),
      rssEnd,
      ...result,
      note: `nothing persisted; ${leadMs} ms lead to arm`,
    };
  } finally {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

const symbiont = await measureSymbiont();
say(`peer: ${elapsed()}: ${runs} runs as in-memory timers over the same ${windowMs / 1000} s window…`);
let peer: Figures | null = null;
try {
  peer = await measurePeer();
} catch (error) {
  say(`peer: FAILED: ${(error as Error).message}`);
}

const mb = (x: number) => `${x.toFixed(0)}`.padStart(5);
const ms = (x: number) => `${x.toFixed(0)}`.padStart(5);
// From the cold baseline: V8 keeps heap it grew under the start load, and whether a collection
// ran just before a sample moves RSS by tens of MB, so a warm baseline can even exceed the waiting figure.
const growth = (f: Figures) => f.rssWaiting - f.rssCold;
process.stdout.write(
  `\nwaits: ${runs} runs in a durable delay, deadlines spread over ${windowMs / 1000} s (Node ${process.version}, Symbiont ${checkout()}, ${elapsed()})\n`,
);
process.stdout.write(
  `${'RSS in MB; lateness in ms'.padEnd(36)}  cold  warm  start peak  waiting  growth  wake peak  end   lateness p50 /   p99 /   max\n`,
);
for (const f of [symbiont, peer]) {
  if (!f) continue;
  const g = growth(f);
  process.stdout.write(
    `${f.label.padEnd(36)} ${mb(f.rssCold)} ${mb(f.rssBefore)} ${mb(f.rssStartPeak).padStart(11)} ${mb(f.rssWaiting).padStart(8)} ${`${g >= 0 ? '+' : ''}${g.toFixed(0)}`.padStart(7)} ${mb(f.rssWakePeak).padStart(10)} ${mb(f.rssEnd)}        ${ms(f.p50)} / ${ms(f.p99)} / ${ms(f.max)}   ${f.note}\n`,
  );
}
process.stdout.write(`  ${symbiont.startLine}\n  ${symbiont.parkedLine}\n`);
if (peer)
  process.stdout.write(
    `ratios symbiont/peer: RSS growth ${(growth(symbiont) / growth(peer)).toFixed(2)}, lateness p99 ${(symbiont.p99 / Math.max(1, peer.p99)).toFixed(1)}x\n`,
  );
const rssOk = growth(symbiont) < TARGET_RSS_GROWTH_MB;
const p99Ok = symbiont.p99 <= TARGET_P99_MS;
process.stdout.write(
  `targets: RSS growth < ${TARGET_RSS_GROWTH_MB} MB ${rssOk ? 'met' : 'MISSED'}; timer lateness p99 ≤ ${TARGET_P99_MS} ms ${p99Ok ? 'met' : 'MISSED'}${symbiont.failed > 0 ? '; VOID: runs failed to start or finish' : ''}\n`,
);
process.stdout.write(`rss_growth_mb=${growth(symbiont).toFixed(0)}\n`);
process.stdout.write(`timer_lateness_p99_ms=${symbiont.p99.toFixed(0)}\n`);
process.exitCode = symbiont.failed > 0 || !peer ? 1 : 0;
