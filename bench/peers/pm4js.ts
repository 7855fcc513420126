// pm4js 0.0.28 (the only process-mining library for JavaScript) as the peer of
// `npm run bench:mining`. Installed on first use into bench/.peers/pm4js (gitignored) with
// `npm install --prefix`; never a project dependency. Its XES importer parses with a DOM: it
// brings its own (old) `xmldom` and sets `global.DOMParser` itself, so nothing else is needed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, say } from '../harness.ts';

export const PM4JS_VERSION = '0.0.28';
export const PM4JS_PREFIX = path.join(ROOT, 'bench', '.peers', 'pm4js');
const PACKAGE = path.join(PM4JS_PREFIX, 'node_modules', 'pm4js');

/** The installed pm4js version, or null when missing or not the pinned one. */
export function installedPm4js(): string | null {
  try {
    const { version } = JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string };
    return version === PM4JS_VERSION ? version : null;
  } catch {
    return null;
  }
}

/** `npm install --prefix bench/.peers/pm4js pm4js@0.0.28` (no install scripts). */
export function installPm4js(): void {
  mkdirSync(PM4JS_PREFIX, { recursive: true });
  const manifest = path.join(PM4JS_PREFIX, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, `${JSON.stringify({ name: 'symbiont-bench-peer-pm4js', private: true }, null, 2)}\n`);
  // npm run exports npm_* settings (prefix, package paths) that must not leak into this install.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  const args = ['install', '--prefix', PM4JS_PREFIX, `pm4js@${PM4JS_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'];
  say(`  $ npm ${args.join(' ')}`);
  const res = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd: PM4JS_PREFIX, env, stdio: 'inherit' });
  if (res.status !== 0 || !installedPm4js()) throw new Error(`installing pm4js into ${PM4JS_PREFIX} failed (npm exit ${res.status})`);
}

interface Pm4jsEvent {
  attributes: Record<string, { value: unknown }>;
}
interface Pm4jsLog {
  traces: { events: Pm4jsEvent[] }[];
}
export interface Pm4js {
  XesImporter: { apply(xml: string): Pm4jsLog };
  FrequencyDfgDiscovery: { apply(log: Pm4jsLog, activityKey?: string): { pathsFrequency: Record<string, number> } };
  PerformanceDfgDiscovery: {
    apply(log: Pm4jsLog, activityKey?: string, timestampKey?: string, aggregation?: string): { pathsPerformance: Record<string, number> };
  };
  GeneralLogStatistics: { getVariants(log: Pm4jsLog, activityKey?: string): Record<string, number> };
}

/** Loads pm4js (CommonJS that registers its classes as globals). */
export function loadPm4js(): Pm4js {
  const require = createRequire(path.join(PM4JS_PREFIX, 'package.json'));
  require('pm4js');
  return globalThis as unknown as Pm4js;
}

/** Case durations in seconds from pm4js's log objects (pm4js has no function for it): last − first timestamp. */
export function pm4jsCaseDurations(log: Pm4jsLog): number[] {
  return log.traces.map((t) => {
    const first = t.events[0]?.attributes['time:timestamp']?.value as Date | undefined;
    const last = t.events[t.events.length - 1]?.attributes['time:timestamp']?.value as Date | undefined;
    return first && last ? (last.getTime() - first.getTime()) / 1000 : 0;
  });
}
