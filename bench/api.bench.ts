// npm run bench:api [-- --duration 10 --connections 10 --loader wrk|autocannon]
// Authenticated GET of a small resource (a team) on Symbiont/SQLite, by API token and by
// session cookie, next to a bare Fastify hello-world measured in the same run. Each server is
// its own process. The load generator is wrk (its own process, one thread) when it is
// installed, else autocannon inside this process; every row uses the same one. Each row also
// gives the server's CPU time per request (user + system, from /proc), which moves far less
// than requests/s when other work shares the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../src/platform/db/testing/pg-cluster.ts';
import {
  BIN,
  cli,
  cpuTimeMs,
  flag,
  hasWrk,
  type LoadResult,
  load,
  ROOT,
  SERVER_NODE_FLAGS,
  say,
  spawnUntilReady,
  stop,
  wordFlag,
  wrk,
} from './harness.ts';

const duration = flag('duration', 10);
const connections = flag('connections', 10);
const warmup = flag('warmup', 3);
const loader = wordFlag('loader') ?? (hasWrk() ? 'wrk' : 'autocannon');
if (loader !== 'wrk' && loader !== 'autocannon') throw new Error(`--loader must be wrk or autocannon, not ${loader}`);
const dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-bench-api-'));
const env = { ...process.env, SYMBIONT_DATA_DIR: dataDir, SYMBIONT_LOG_LEVEL: 'warn', SYMBIONT_SKIP_WEB_BUILD: '1', DATABASE_URL: '' };

try {
  say('[1/6] loading the demo company and creating a read token…');
  cli(['demo'], env);
  const token = cli(['token', 'create', '--user', 'amira@crumb.example', '--name', 'bench', '--scopes', 'read'], env).trim();

  const symbiontPort = await freePort();
  const barePort = await freePort();
  say('[2/6] starting Symbiont and the bare Fastify peer…');
  const symbiont = await spawnUntilReady(
    process.execPath,
    [...SERVER_NODE_FLAGS, BIN, 'start'],
    { ...env, SYMBIONT_PORT: String(symbiontPort) },
    `http://127.0.0.1:${symbiontPort}/readyz`,
  );
  const bare = await spawnUntilReady(
    process.execPath,
    [path.join(ROOT, 'bench', 'peers', 'bare-fastify.mjs')],
    { ...env, PORT: String(barePort) },
    `http://127.0.0.1:${barePort}/readyz`,
  );
  try {
    const base = `http://127.0.0.1:${symbiontPort}`;
    const teams = (await (await fetch(`${base}/api/v1/teams?limit=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { id: string }[];
    };
    const teamUrl = `${base}/api/v1/teams/${teams.items[0]?.id}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amira@crumb.example', password: 'crumb-and-co-demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const runs: [string, string, Record<string, string>, number | undefined][] = [
      ['bare Fastify hello-world', `http://127.0.0.1:${barePort}/hello`, {}, bare.child.pid],
      ['Symbiont GET team (API token)', teamUrl, { authorization: `Bearer ${token}` }, symbiont.child.pid],
      ['Symbiont GET team (session cookie)', teamUrl, { cookie }, symbiont.child.pid],
      // No database work after authentication: separates framework + auth cost from queries.
      ['Symbiont GET role catalogue (token)', `${base}/api/v1/roles`, { authorization: `Bearer ${token}` }, symbiont.child.pid],
    ];
    const run = async (url: string, seconds: number, headers: Record<string, string>): Promise<LoadResult> => {
      if (loader === 'autocannon') return load(url, { connections, duration: seconds, headers });
      const r = await wrk(url, { threads: 1, connections, duration: seconds, headers });
      return { rps: r.rps, p50: r.p50, p99: r.p99, non2xx: r.non2xx, errors: r.errors, total: r.requests };
    };
    const results: (LoadResult & { cpuUsPerRequest: number | null })[] = [];
    for (const [i, [name, url, headers, pid]] of runs.entries()) {
      say(`[${3 + i}/${2 + runs.length}] ${name}: warm-up ${warmup} s, then ${duration} s with ${connections} connections (${loader})…`);
      await run(url, warmup, headers);
      const cpuBefore = cpuTimeMs(pid);
      const r = await run(url, duration, headers);
      const cpuAfter = cpuTimeMs(pid);
      const cpuUsPerRequest = cpuBefore !== null && cpuAfter !== null && r.total > 0 ? ((cpuAfter - cpuBefore) * 1000) / r.total : null;
      results.push({ ...r, cpuUsPerRequest });
    }

    type Row = (typeof results)[number];
    const [bareR, tokenR, cookieR, catalogueR] = results as [Row, Row, Row, Row];
    const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0)).padStart(4);
    const rows = runs.map(([name], i) => {
      const r = results[i] as Row;
      const cpu = r.cpuUsPerRequest === null ? '   n/a' : r.cpuUsPerRequest.toFixed(0).padStart(6);
      return `${name.padEnd(36)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${ms(r.p50)} ms   p99 ${ms(r.p99)} ms   server CPU ${cpu} µs/req   non-2xx ${r.non2xx}   errors ${r.errors}`;
    });
    process.stdout.write(
      `\nAPI throughput (loopback, ${loader}, ${connections} connections, ${duration} s, Node ${process.version})\n${rows.join('\n')}\n`,
    );
    process.stdout.write(
      `ratios to bare: team by token ${(tokenR.rps / bareR.rps).toFixed(2)}, team by cookie ${(cookieR.rps / bareR.rps).toFixed(2)}, role catalogue ${(catalogueR.rps / bareR.rps).toFixed(2)}\n`,
    );
    const cpuRatio = (r: Row) =>
      r.cpuUsPerRequest && bareR.cpuUsPerRequest ? (bareR.cpuUsPerRequest / r.cpuUsPerRequest).toFixed(2) : 'n/a';
    process.stdout.write(
      `CPU-per-request ratios (bare / Symbiont): team by token ${cpuRatio(tokenR)}, team by cookie ${cpuRatio(cookieR)}, role catalogue ${cpuRatio(catalogueR)}\n`,
    );
    if (tokenR.non2xx + cookieR.non2xx + tokenR.errors + cookieR.errors > 0)
      process.stdout.write('WARNING: some requests failed; the figures are not valid\n');
    process.stdout.write(
      `api_rps=${tokenR.rps.toFixed(0)} api_p99_ms=${tokenR.p99} bare_rps=${bareR.rps.toFixed(0)} bare_p99_ms=${bareR.p99} ratio=${(tokenR.rps / bareR.rps).toFixed(2)}\n`,
    );
  } finally {
    await stop(symbiont.child);
    await stop(bare.child);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
