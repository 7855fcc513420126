// Symbiont for workload W1: `symbiont start` on a fresh SQLite data dir, an admin and an API
// token made with the CLI, the W1 workflow created and published through the API; the load
// then goes to its public webhook, POST /webhooks/bench-w1.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { freePort } from '../../src/platform/db/testing/pg-cluster.ts';
import { BIN, cli, SERVER_NODE_FLAGS, say, spawnUntilReady, stop } from '../harness.ts';
import { SYMBIONT_W1_DEFINITION, SYMBIONT_W1_WEBHOOK_PATH, type W1Records, type W1System } from './workload.ts';

const EMAIL = 'bench@example.com';

/** Calls Symbiont's API with the token; throws with a readable message unless the status is 2xx. */
export async function api(base: string, token: string, method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (res.status === 404 && route.startsWith('/api/v1/workflows')) {
    throw new Error(
      `Symbiont has no workflow API yet: ${method} ${route} answered 404. The engine (issue 4: src/modules/workflows, /webhooks/) has not landed in this checkout; measure the peers with --only node-red or --only ceiling.`,
    );
  }
  if (res.status < 200 || res.status > 299) throw new Error(`Symbiont ${method} ${route} answered ${res.status}: ${text.slice(0, 1000)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Counts runs and step rows in Symbiont's SQLite file (read-only, beside the running server:
 * WAL lets a reader in).
 */
function readRecords(file: string): W1Records {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const statuses = db.prepare('select status, count(*) as n from runs group by status').all() as { status: string; n: number }[];
    return {
      runs: count('runs'),
      steps: count('run_steps'),
      runStatuses: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
      journalMode: String(db.pragma('journal_mode', { simple: true })),
    };
  } finally {
    db.close();
  }
}

/** Starts Symbiont on SQLite with W1 published; stop() ends it and deletes its data dir. */
export async function startSymbiont(): Promise<W1System> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-bench-engine-'));
  const port = await freePort();
  // DATABASE_URL cleared: the embedded SQLite database in dataDir, whatever the shell has set.
  const env = {
    ...process.env,
    SYMBIONT_DATA_DIR: dataDir,
    SYMBIONT_PORT: String(port),
    SYMBIONT_LOG_LEVEL: 'warn',
    SYMBIONT_SKIP_WEB_BUILD: '1',
    DATABASE_URL: '',
  };
  let child: Awaited<ReturnType<typeof spawnUntilReady>>['child'] | undefined;
  const cleanUp = async () => {
    if (child) await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    say('  creating the admin and an API token (symbiont user create, token create)…');
    cli(['user', 'create', '--email', EMAIL, '--name', 'Bench', '--admin', '--password-stdin'], env, randomBytes(18).toString('base64url'));
    const token = cli(['token', 'create', '--user', EMAIL, '--name', 'bench', '--scopes', 'read,write,admin'], env).trim();
    say('  starting symbiont start…');
    ({ child } = await spawnUntilReady(process.execPath, [...SERVER_NODE_FLAGS, BIN, 'start'], env, `http://127.0.0.1:${port}/readyz`));
    const base = `http://127.0.0.1:${port}`;
    say('  creating and publishing the W1 workflow…');
    const created = (await api(base, token, 'POST', '/api/v1/workflows', { name: 'W1', definition: SYMBIONT_W1_DEFINITION })) as {
      id?: string;
    };
    if (typeof created?.id !== 'string') throw new Error(`POST /api/v1/workflows answered without an id: ${JSON.stringify(created)}`);
    await api(base, token, 'POST', `/api/v1/workflows/${encodeURIComponent(created.id)}/publish`, { note: 'bench:engine W1' });
    return {
      label: 'Symbiont (SQLite, run + steps durable)',
      url: `${base}/webhooks/${SYMBIONT_W1_WEBHOOK_PATH}`,
      pid: child.pid,
      stop: cleanUp,
      records: () => readRecords(path.join(dataDir, 'symbiont.db')),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
