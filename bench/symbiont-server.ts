// A Symbiont server a bench can start, SIGKILL and start again (bench:chaos, bench:waits):
// `symbiont start` on one SQLite data dir kept across lives, an admin and an API token made once
// with the CLI, workflows created and published through the API.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../src/platform/db/testing/pg-cluster.ts';
import { BIN, cli } from './harness.ts';
import { api } from './w1/symbiont.ts';

const EMAIL = 'bench@example.com';

export interface SymbiontServer {
  base: string;
  /** The admin's API token (read, write, admin scopes). */
  token: string;
  /** The environment the server and the CLI run with (data dir, port, database). */
  env: NodeJS.ProcessEnv;
  dbFile: string;
  /** How many times the server was launched (the current life's number). */
  life(): number;
  /** Whether the current life answered /readyz and has not been killed or stopped. */
  up(): boolean;
  pid(): number | undefined;
  /** Launches a new life and resolves with its start-up time once /readyz answers 200. */
  start(timeoutMs?: number): Promise<number>;
  /** Launches a new life and SIGKILLs it `afterMs` later, ready or not; resolves when it is gone. */
  startAndKill(afterMs: number): Promise<{ exitedAt: number; wasReady: boolean }>;
  /** SIGKILLs the current life (its whole process group); resolves with the time it was seen gone. */
  kill(): Promise<number>;
  /** Stops the current life with SIGTERM (graceful; SIGKILL after 5 s). */
  stop(): Promise<void>;
  /** Creates and publishes a workflow through the API; returns its id. */
  publish(name: string, definition: unknown): Promise<string>;
  /** The last few KB the server wrote to stderr (for error messages). */
  output(): string;
  /** Deletes the data dir (the server must be stopped). */
  remove(): void;
}

/** A fresh data dir with an admin and an API token; no server is running yet. */
export async function prepareServer(options: { name: string; httpAllow?: string; databaseUrl?: string }): Promise<SymbiontServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `symbiont-bench-${options.name}-`));
  const port = await freePort();
  // DATABASE_URL cleared unless given: the embedded SQLite database in dataDir, whatever the shell has set.
  const env = {
    ...process.env,
    SYMBIONT_DATA_DIR: dataDir,
    SYMBIONT_PORT: String(port),
    SYMBIONT_LOG_LEVEL: 'warn',
    SYMBIONT_SKIP_WEB_BUILD: '1',
    SYMBIONT_HTTP_ALLOW: options.httpAllow ?? '',
    DATABASE_URL: options.databaseUrl ?? '',
  };
  cli(['user', 'create', '--email', EMAIL, '--name', 'Bench', '--admin', '--password-stdin'], env, randomBytes(18).toString('base64url'));
  const token = cli(['token', 'create', '--user', EMAIL, '--name', options.name, '--scopes', 'read,write,admin'], env).trim();
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let lives = 0;
  let ready = false;
  let output = '';

  const launch = (): ChildProcess => {
    lives += 1;
    ready = false;
    // Its own process group, so a kill reaches anything it spawns (the code sandbox's workers are threads).
    const c = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    c.stderr?.on('data', (d: Buffer) => {
      output = (output + d).slice(-8192);
    });
    exited = new Promise((resolve) => c.once('exit', () => resolve()));
    child = c;
    return c;
  };
  const gone = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const probe = async () => {
    try {
      return (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200;
    } catch {
      return false;
    }
  };
  const waitReady = async (c: ChildProcess, until: number): Promise<boolean> => {
    while (Date.now() < until && !gone(c)) {
      if (await probe()) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  };
  const killGroup = async (): Promise<number> => {
    const c = child;
    ready = false;
    if (!c || c.pid === undefined || gone(c)) return Date.now();
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    return Date.now();
  };

  return {
    base,
    token,
    env,
    dbFile: path.join(dataDir, 'symbiont.db'),
    life: () => lives,
    up: () => ready,
    pid: () => child?.pid,
    async start(timeoutMs = 60_000) {
      const started = Date.now();
      const c = launch();
      if (!(await waitReady(c, started + timeoutMs))) {
        await killGroup();
        throw new Error(`symbiont start (life ${lives}) not ready after ${Date.now() - started} ms: ${output}`);
      }
      ready = true;
      return Date.now() - started;
    },
    async startAndKill(afterMs) {
      const c = launch();
      const deadline = Date.now() + afterMs;
      const wasReady = await waitReady(c, deadline);
      const left = deadline - Date.now();
      if (left > 0) await new Promise((r) => setTimeout(r, left));
      return { exitedAt: await killGroup(), wasReady };
    },
    kill: killGroup,
    async stop() {
      const c = child;
      ready = false;
      if (!c || c.pid === undefined || gone(c)) return;
      const pid = c.pid;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
    async publish(name, definition) {
      const created = (await api(base, token, 'POST', '/api/v1/workflows', { name, definition })) as { id?: string };
      if (typeof created?.id !== 'string') throw new Error(`POST /api/v1/workflows answered without an id: ${JSON.stringify(created)}`);
      await api(base, token, 'POST', `/api/v1/workflows/${encodeURIComponent(created.id)}/publish`, {
        note: `bench:${options.name} ${name}`,
      });
      return created.id;
    },
    output: () => output,
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
