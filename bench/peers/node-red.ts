// Node-RED 4.x with the W1 flow, as a peer for `npm run bench:engine`. Installed on first use
// into bench/.peers/node-red (gitignored) with `npm install --prefix`; never a project dependency.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/platform/db/testing/pg-cluster.ts';
import { ROOT, say, spawnUntil, stop } from '../harness.ts';
import { checkW1, W1_FLOW_FILE, type W1System } from '../w1/workload.ts';

export const NODE_RED_PREFIX = path.join(ROOT, 'bench', '.peers', 'node-red');
const PACKAGE = path.join(NODE_RED_PREFIX, 'node_modules', 'node-red');
const INSTALL_LIMIT_MS = 10 * 60_000;

/** The installed Node-RED version, or null when it is missing or not 4.x. */
export function installedNodeRed(): string | null {
  try {
    const { version } = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
    return version.startsWith('4.') ? version : null;
  } catch {
    return null;
  }
}

/** `npm install --prefix bench/.peers/node-red node-red@4`, with npm's output and a ticker. */
export async function installNodeRed(): Promise<string> {
  mkdirSync(NODE_RED_PREFIX, { recursive: true });
  const manifest = path.join(NODE_RED_PREFIX, 'package.json');
  if (!existsSync(manifest)) {
    writeFileSync(manifest, `${JSON.stringify({ name: 'symbiont-bench-peer-node-red', private: true }, null, 2)}\n`);
  }
  // npm run exports npm_* settings (prefix, package paths) that must not leak into this install.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // No install scripts: Node-RED needs none (its optional bcrypt falls back to bcryptjs).
  const args = [
    'install',
    '--prefix',
    NODE_RED_PREFIX,
    'node-red@4',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--loglevel',
    'notice',
  ];
  say(`  $ npm ${args.join(' ')}`);
  const started = performance.now();
  const child = spawn(npm, args, { cwd: NODE_RED_PREFIX, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const ticker = setInterval(() => say(`  … installing Node-RED, ${((performance.now() - started) / 1000).toFixed(0)} s`), 5000);
  const timer = setTimeout(() => void stop(child), INSTALL_LIMIT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(ticker);
  clearTimeout(timer);
  const version = installedNodeRed();
  if (code !== 0 || !version)
    throw new Error(`installing Node-RED into ${NODE_RED_PREFIX} failed (npm exit ${code}); see npm's output above`);
  say(`  installed Node-RED ${version} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return version;
}

/** Settings for a headless Node-RED: no editor or admin API, quiet logs, nothing phoning home. */
function settings(port: number): string {
  return `module.exports = ${JSON.stringify(
    {
      uiHost: '127.0.0.1',
      uiPort: port,
      flowFile: 'flows.json',
      credentialSecret: false,
      httpAdminRoot: false,
      logging: { console: { level: 'warn', metrics: false, audit: false } },
      diagnostics: { enabled: false, ui: false },
      runtimeState: { enabled: false, ui: false },
      telemetry: { enabled: false },
      externalModules: { autoInstall: false, palette: { allowInstall: false }, modules: { allowInstall: false } },
    },
    null,
    2,
  )};\n`;
}

/** Starts Node-RED (installing it first if needed) with W1's flow in a temporary user dir. */
export async function startNodeRed(options: { quick: boolean }): Promise<W1System> {
  let version = installedNodeRed();
  if (!version) {
    say(
      options.quick
        ? '  Node-RED is not installed yet: installing it now although --quick was given (once; not part of the measurement)…'
        : `  Node-RED is not installed yet: installing node-red@4 into ${path.relative(ROOT, NODE_RED_PREFIX)} (once)…`,
    );
    version = await installNodeRed();
  }
  const userDir = mkdtempSync(path.join(tmpdir(), 'symbiont-bench-node-red-'));
  try {
    writeFileSync(path.join(userDir, 'flows.json'), readFileSync(W1_FLOW_FILE, 'utf8'));
    const port = await freePort();
    writeFileSync(path.join(userDir, 'settings.js'), settings(port));
    const url = `http://127.0.0.1:${port}/w1`;
    // No GET route to poll with the editor off: ready once the flow answers W1 correctly.
    const { child } = await spawnUntil(
      process.execPath,
      [path.join(PACKAGE, 'red.js'), '--settings', path.join(userDir, 'settings.js'), '--userDir', userDir],
      process.env,
      { probe: async () => (await checkW1(url)) === null, what: `Node-RED ${version} at ${url}`, timeoutMs: 60_000, stdout: 'pipe' },
    );
    return {
      label: `Node-RED ${version} (http in → change → http response)`,
      url,
      pid: child.pid,
      stop: async () => {
        await stop(child);
        rmSync(userDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDir, { recursive: true, force: true });
    throw error;
  }
}
