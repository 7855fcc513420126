// npm run bench:inbox [-- --tasks 1000000 --mine 10000 --samples 200 --approvals 100 --only sqlite|postgres --quick]
// A real `symbiont start` on SQLite, then on a throwaway PostgreSQL cluster (when its binaries
// exist), each with --tasks open tasks generated deterministically (bench/inbox/generate-tasks.ts)
// of which --mine reach one user, Carol (personally, through her team, as its manager, through
// her role). Measured as Carol sees it, over HTTP with her API token, one request at a time:
// - inbox queries: her inbox's first page and the next one, "mine", "team", overdue, approvals
//   only, and the navigation counts — --samples rounds, each query once per round;
// - resume: --approvals runs of webhook → approval (Carol) → one more step; for each, the time
//   from sending her approval to the start of the next step (run_steps.started_at).
// Peer, in the same run: the obvious SQL — Carol's first page and counts as one plain query each
// over all her principals, on the same database, in this process, without HTTP, sessions or the
// service (the inbox instead merges one index range per principal).
// Last line: `inbox_p99_ms=<worst p99 of any inbox query on any dialect> resume_p99_ms=<worst p99>`
// (targets ≤ 50 and ≤ 250).
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '../src/platform/db/testing/pg-cluster.ts';
import { cli, hasFlag, quantile, say, wholeFlag, wordFlag } from './harness.ts';
import { type TargetPrincipals, writePostgres, writeSqlite } from './inbox/generate-tasks.ts';
import { prepareServer, type SymbiontServer } from './symbiont-server.ts';
import { api } from './w1/symbiont.ts';

const quick = hasFlag('quick');
const TASKS = wholeFlag('tasks', quick ? 200_000 : 1_000_000);
const MINE = wholeFlag('mine', 10_000);
const SAMPLES = wholeFlag('samples', quick ? 60 : 200);
const APPROVALS = wholeFlag('approvals', quick ? 30 : 100);
const only = wordFlag('only');
const TARGET_INBOX_MS = 50;
const TARGET_RESUME_MS = 250;
const CAROL = 'carol@bench.example';
const WEBHOOK = 'bench-inbox';
const AFTER = 'after';

const DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'invoice', type: 'trigger.webhook', name: 'Invoice received', config: { path: WEBHOOK, mode: 'async' } },
    {
      id: 'approve',
      type: 'human.approval',
      name: 'Approve',
      config: { title: 'Pay invoice {{ body.n }}?', assignees: [{ user: CAROL }] },
    },
    { id: AFTER, type: 'logic.transform', name: 'Book it', config: { expression: '{ "approved": approved }' } },
  ],
  edges: [
    { from: 'invoice', to: 'approve' },
    { from: 'approve', to: AFTER },
  ],
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const began = Date.now();
const elapsed = () => `${((Date.now() - began) / 1000).toFixed(0)} s`;

/** Read-only SQL on the server's database, `?` placeholders on both dialects. */
interface Reader {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
function sqliteReader(file: string): Reader {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  return {
    all: async (q, p = []) => db.prepare(q).all(...p) as never,
    close: async () => {
      db.close();
    },
  };
}
function pgReader(url: string): Reader {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let n = 0;
  const numbered = (q: string) => q.replace(/\?/g, () => `$${++n}`);
  return {
    all: async (q, p = []) => {
      n = 0;
      return (await pool.query(numbered(q), p)).rows;
    },
    close: () => pool.end(),
  };
}

interface Figure {
  name: string;
  p50: number;
  p99: number;
  max: number;
}
function figure(name: string, ms: number[]): Figure {
  const sorted = [...ms].sort((a, b) => a - b);
  return { name, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN };
}
const show = (f: Figure) =>
  `  ${f.name.padEnd(26)} p50 ${f.p50.toFixed(1).padStart(7)} ms   p99 ${f.p99.toFixed(1).padStart(7)} ms   max ${f.max.toFixed(1).padStart(7)} ms`;

async function timed(url: string, token: string): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) };
}

/** Carol, her team (she manages it) and the bench workflow; returns her token and principals. */
async function setUp(server: SymbiontServer): Promise<{ carolToken: string; target: TargetPrincipals }> {
  cli(['user', 'create', '--email', CAROL, '--name', 'Carol', '--role', 'approver', '--password', 'bench-carol-password-1'], server.env);
  const carolToken = cli(['token', 'create', '--user', CAROL, '--name', 'inbox', '--scopes', 'read,write'], server.env).trim();
  await server.start();
  const users = JSON.parse(cli(['user', 'list', '--json'], server.env)) as
    | { id: string; email: string }[]
    | { items: { id: string; email: string }[] };
  const list = Array.isArray(users) ? users : users.items;
  const carol = list.find((u) => u.email === CAROL);
  if (!carol) throw new Error('Carol was not created');
  const team = (await api(server.base, server.token, 'POST', '/api/v1/teams', { name: 'Finance' })) as { id: string };
  await api(server.base, server.token, 'PUT', `/api/v1/teams/${team.id}/members/${carol.id}`, { isManager: true });
  await server.publish('Invoice approval (bench)', DEFINITION);
  await server.stop();
  return { carolToken, target: { user: `u:${carol.id}`, team: `t:${team.id}`, managers: `m:${team.id}`, role: 'r:approver' } };
}

async function inboxQueries(base: string, token: string): Promise<Figure[]> {
  const first = (await timed(`${base}/api/v1/tasks?view=inbox&limit=50`, token)).body as { nextCursor: string | null };
  if (!first.nextCursor) throw new Error('the inbox has a single page: the data was not generated');
  const queries: [string, string][] = [
    ['inbox, first page', '/api/v1/tasks?view=inbox&limit=50'],
    ['inbox, next page', `/api/v1/tasks?view=inbox&limit=50&cursor=${encodeURIComponent(first.nextCursor)}`],
    ['mine', '/api/v1/tasks?view=mine&limit=50'],
    ['team', '/api/v1/tasks?view=team&limit=50'],
    ['overdue', '/api/v1/tasks?view=inbox&due=overdue&limit=50'],
    ['approvals only', '/api/v1/tasks?view=inbox&kind=approval&limit=50'],
    ['counts (navigation)', '/api/v1/tasks/counts'],
  ];
  const samples = queries.map(() => [] as number[]);
  const warmup = Math.max(5, Math.floor(SAMPLES / 10));
  for (let round = 0; round < warmup + SAMPLES; round++) {
    for (const [i, [, route]] of queries.entries()) {
      const { ms } = await timed(`${base}${route}`, token);
      if (round >= warmup) samples[i]?.push(ms);
    }
  }
  return queries.map(([name], i) => figure(name, samples[i] ?? []));
}

/** The database floor: Carol's first page and counts as plain SQL, no HTTP, no service. */
async function floor(reader: Reader, t: TargetPrincipals): Promise<Figure[]> {
  const principals = [t.user, t.team, t.managers, t.role];
  const marks = principals.map(() => '?').join(', ');
  const page = `select t.* from task_assignees a join tasks t on t.id = a.task_id
     where a.principal in (${marks}) and a.open = 1 order by a.sort_at, a.task_id limit 51`;
  const counts = `select count(*) as n, sum(case when s < ? then 1 else 0 end) as overdue from
     (select task_id, min(sort_at) as s from task_assignees where principal in (${marks}) and open = 1 group by task_id) x`;
  const now = new Date().toISOString();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < SAMPLES + 10; i++) {
    let t0 = performance.now();
    await reader.all(page, principals);
    if (i >= 10) a.push(performance.now() - t0);
    t0 = performance.now();
    await reader.all(counts, [now, ...principals]);
    if (i >= 10) b.push(performance.now() - t0);
  }
  return [figure('peer: first page, one SQL', a), figure('peer: counts, one SQL', b)];
}

/** Approval click → next step started, for --approvals runs, one at a time. */
async function resume(server: SymbiontServer, reader: Reader, carolToken: string): Promise<Figure> {
  const runIds: string[] = [];
  for (let n = 0; n < APPROVALS; n++) {
    const res = await fetch(`${server.base}/webhooks/${WEBHOOK}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n }),
    });
    if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    runIds.push(((await res.json()) as { runId: string }).runId);
  }
  const tasks = new Map<string, string>();
  const until = Date.now() + 120_000;
  while (tasks.size < runIds.length && Date.now() < until) {
    const rows = await reader.all<{ id: string; run_id: string }>(
      `select id, run_id from tasks where run_id in (${runIds.map(() => '?').join(', ')}) and status = 'open'`,
      runIds,
    );
    for (const r of rows) tasks.set(r.run_id, r.id);
    if (tasks.size < runIds.length) await sleep(100);
  }
  if (tasks.size < runIds.length) throw new Error(`only ${tasks.size} of ${runIds.length} approvals opened in 120 s`);
  await sleep(500);
  const ms: number[] = [];
  for (const runId of runIds) {
    const sent = Date.now();
    await api(server.base, carolToken, 'POST', `/api/v1/tasks/${tasks.get(runId)}/approve`, { comment: 'ok' });
    let startedAt: string | undefined;
    const deadline = Date.now() + 30_000;
    while (!startedAt && Date.now() < deadline) {
      startedAt =
        (
          await reader.all<{ started_at: string | null }>('select started_at from run_steps where run_id = ? and node_id = ?', [
            runId,
            AFTER,
          ])
        )[0]?.started_at ?? undefined;
      if (!startedAt) await sleep(2);
    }
    if (!startedAt) throw new Error(`run ${runId}: the step after the approval did not start within 30 s`);
    ms.push(Date.parse(startedAt) - sent);
    await sleep(20);
  }
  return figure('approval → next step', ms);
}

async function measure(label: string, databaseUrl: string | undefined): Promise<{ inbox: number; resume: number }> {
  say(`\n== ${label}: ${TASKS.toLocaleString('en')} open tasks, ${MINE.toLocaleString('en')} for Carol ==`);
  const server = await prepareServer({ name: 'inbox', ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    const { carolToken, target } = await setUp(server);
    let last = 0;
    const progress = (done: number) => {
      if (done - last >= TASKS / 10 || (done === TASKS && last !== TASKS)) {
        last = done;
        say(`  generating: ${Math.round((done / TASKS) * 100)} % (${elapsed()})`);
      }
    };
    const options = { tasks: TASKS, targetTasks: MINE, target, now: Date.now(), onProgress: progress };
    if (databaseUrl) await writePostgres(databaseUrl, options);
    else writeSqlite(server.dbFile, options);
    await server.start();
    const reader = databaseUrl ? pgReader(databaseUrl) : sqliteReader(server.dbFile);
    try {
      const counts = (await timed(`${server.base}/api/v1/tasks/counts`, carolToken)).body as { inbox: number };
      if (counts.inbox !== MINE) throw new Error(`Carol's inbox counts ${counts.inbox} open tasks, expected ${MINE}`);
      say(`  Carol's inbox: ${counts.inbox} open tasks (checked); measuring ${SAMPLES} rounds (${elapsed()})`);
      const queries = await inboxQueries(server.base, carolToken);
      for (const f of queries) say(show(f));
      const floors = await floor(reader, target);
      for (const f of floors) say(show(f));
      const worst = queries.reduce((w, f) => (f.p99 > w.p99 ? f : w));
      say(
        `  worst inbox p99: ${worst.name}, ${worst.p99.toFixed(1)} ms (${(worst.p99 / (floors[1]?.p99 ?? 1)).toFixed(1)}× the peer's counts)`,
      );
      say(`  resume: ${APPROVALS} approvals, one at a time (${elapsed()})`);
      const r = await resume(server, reader, carolToken);
      say(show(r));
      return { inbox: worst.p99, resume: r.p99 };
    } finally {
      await reader.close();
    }
  } finally {
    await server.stop();
    server.remove();
  }
}

const results: { inbox: number; resume: number }[] = [];
if (only !== 'postgres') results.push(await measure('SQLite', undefined));
if (only !== 'sqlite') {
  const reason = pgUnavailableReason();
  if (reason) say(`\nPostgreSQL: SKIPPED — ${reason}`);
  else {
    let cluster: PgCluster | null = null;
    try {
      cluster = await startPgCluster();
      results.push(await measure('PostgreSQL', cluster.url));
    } finally {
      cluster?.stop();
    }
  }
}
const inbox = Math.max(...results.map((r) => r.inbox));
const resumeP99 = Math.max(...results.map((r) => r.resume));
say(
  `\ntargets: inbox p99 ≤ ${TARGET_INBOX_MS} ms (${inbox <= TARGET_INBOX_MS ? 'met' : 'MISSED'}), resume p99 ≤ ${TARGET_RESUME_MS} ms (${resumeP99 <= TARGET_RESUME_MS ? 'met' : 'MISSED'}); ${elapsed()}`,
);
process.stdout.write(`inbox_p99_ms=${inbox.toFixed(1)} resume_p99_ms=${resumeP99.toFixed(1)}\n`);
