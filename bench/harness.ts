import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'symbiont.js');
/**
 * Node flags of the server as `npm start` runs it (package.json): a larger young generation,
 * so the short-lived objects of each request die in fewer, cheaper scavenges.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** `--name value` flags with defaults. */
export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** `--name value` whole-number flags (≥ 1); exits 2 on a bad value instead of silently using the default. */
export function wholeFlag(name: string, fallback: number): number {
  const raw = wordFlag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    say(`--${name} must be a whole number ≥ 1, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

/** `--name value` flags that take a word; undefined when absent. */
export function wordFlag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** `--name` switches. */
export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs the symbiont CLI synchronously (`input` goes to its stdin); throws on failure. */
export function cli(args: string[], env: NodeJS.ProcessEnv, input?: string): string {
  const res = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', input, timeout: 120_000 });
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
  const probe = async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200;
  return spawnUntil(command, args, env, { probe, what: url, timeoutMs });
}

/**
 * Spawns a process in its own process group and resolves once `probe()` returns true (a probe
 * that throws means "not yet"); stops it and rejects after `timeoutMs`. The last few KB of its
 * stderr (and stdout with `stdout: 'pipe'`) go into the error message.
 */
export async function spawnUntil(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { probe: () => Promise<boolean>; what: string; timeoutMs?: number; stdout?: 'ignore' | 'pipe' },
): Promise<{ child: ChildProcess; readyMs: number }> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const started = performance.now();
  // Its own process group, so stop() reaches grandchildren too (npm start does not pass signals on).
  const child = spawn(command, args, { env, stdio: ['ignore', options.stdout ?? 'ignore', 'pipe'], detached: true });
  let output = '';
  // Bounded: a server logging under load must not grow this process's memory.
  const keep = (d: Buffer) => {
    output = (output + d).slice(-8192);
  };
  child.stderr?.on('data', keep);
  child.stdout?.on('data', keep);
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${command} exited early (${child.exitCode ?? child.signalCode}): ${output}`);
    try {
      if (await options.probe()) return { child, readyMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop(child);
  throw new Error(`${options.what} not ready after ${timeoutMs} ms: ${output}`);
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

/** Whether the `wrk` load generator is on PATH. */
export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8', timeout: 5000 }).error === undefined;
}

export interface WrkResult {
  rps: number;
  /** Latency percentiles in ms, from wrk's `--latency` distribution. */
  p50: number;
  p99: number;
  requests: number;
  /** wrk's "Non-2xx or 3xx responses" (status ≥ 400). */
  non2xx: number;
  /** Socket errors: connect + read + write + timeout. */
  errors: number;
  raw: string;
}

/**
 * wrk against one URL with `--latency`: `wrk -t <threads> -c <connections> -d <duration>s
 * --latency [-H header]… [-s script url -- scriptArgs]`. Killed (and rejected) if it overruns by 30 s or
 * when `signal` aborts.
 */
export async function wrk(
  url: string,
  options: {
    threads: number;
    connections: number;
    duration: number;
    script?: string;
    scriptArgs?: string[];
    signal?: AbortSignal;
    /** Sent with every request (`-H "name: value"`). */
    headers?: Record<string, string>;
  },
): Promise<WrkResult> {
  const args = ['-t', String(options.threads), '-c', String(options.connections), '-d', `${options.duration}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (options.script) args.push('-s', options.script);
  args.push(url);
  if (options.scriptArgs?.length) args.push('--', ...options.scriptArgs);
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const kill = () => child.kill('SIGKILL');
  options.signal?.addEventListener('abort', kill, { once: true });
  const limitMs = (options.duration + 30) * 1000;
  const timer = setTimeout(kill, limitMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', kill);
  if (code !== 0) throw new Error(`wrk ${args.join(' ')} failed (exit ${code}, limit ${limitMs} ms): ${err}${out}`);
  return parseWrk(out);
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses wrk's text report (with `--latency`). */
export function parseWrk(raw: string): WrkResult {
  const duration = (text: string | undefined) => {
    const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text ?? '');
    if (!m) throw new Error(`unreadable wrk latency "${text}" in:\n${raw}`);
    return Number(m[1]) * (UNIT_MS[m[2] as string] ?? Number.NaN);
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(raw);
  const requests = /(\d+) requests in /.exec(raw);
  if (!rps || !requests) throw new Error(`unreadable wrk report:\n${raw}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(raw);
  return {
    rps: Number(rps[1]),
    p50: duration(/^\s+50%\s+(\S+)/m.exec(raw)?.[1]),
    p99: duration(/^\s+99%\s+(\S+)/m.exec(raw)?.[1]),
    requests: Number(requests[1]),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(raw)?.[1] ?? 0),
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    raw,
  };
}

/**
 * CPU time (user and system, ms) a process has used so far, from /proc (Linux); null elsewhere.
 * Read before and after a load run, it gives a server's CPU cost per request, which moves far
 * less than requests/s when other work shares the machine.
 */
export function cpuTimeMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

// USER_HZ: 100 on every Linux architecture Node supports.
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident set size (VmRSS, MB) of a process, from /proc (Linux); null elsewhere or when it is gone. */
export function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The checkout measured, e.g. `16cf916` or `16cf916+changes` when src/ has uncommitted work. */
export function checkout(): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 5000 }).stdout?.trim() ?? '';
  const head = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  return git(['status', '--porcelain', '--untracked-files=no', '--', 'src']) ||
    git(['ls-files', '--others', '--exclude-standard', '--', 'src'])
    ? `${head}+changes`
    : head;
}

/** The value at quantile `q` (0–1) of numbers sorted ascending (nearest rank); NaN when empty. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
