import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'symbiont.js');

/** `--name value` flags with defaults. */
export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs the symbiont CLI synchronously; throws on failure. */
export function cli(args: string[], env: NodeJS.ProcessEnv): string {
  const res = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`symbiont ${args.join(' ')} failed: ${res.stderr}`);
  return res.stdout;
}

/** Spawns a process and resolves once GET <url> answers 200; rejects after `timeoutMs`. */
export async function spawnUntilReady(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: string,
  timeoutMs = 30_000,
): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  // Its own process group, so stop() reaches grandchildren too (npm start does not pass signals on).
  const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${command} exited early: ${stderr}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return { child, readyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop(child);
  throw new Error(`${url} not ready after ${timeoutMs} ms: ${stderr}`);
}

/** Ends a child we started and its process group (SIGTERM, SIGKILL after 5 s), and waits. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const exited = new Promise((r) => child.once('exit', r));
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  // Grandchildren (npm start's server) may outlive the group leader by a moment.
  await new Promise((r) => setTimeout(r, 200));
  signalGroup('SIGKILL');
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

/** autocannon against one URL: requests/s (mean), latency p50/p99 in ms, failures. */
export async function load(
  url: string,
  options: { connections: number; duration: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const result = await autocannon({ url, connections: options.connections, duration: options.duration, headers: options.headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}
