// `npm test`: runs every *.test.ts with node's test runner on every available dialect.
// It starts one throwaway PostgreSQL cluster for the whole run (when the binaries exist),
// says which suites ran and which were skipped and why, and ends with node's summary lines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type PgCluster, pgUnavailableReason, startPgCluster } from '../src/platform/db/testing/pg-cluster.ts';
import { chromiumUnavailableReason } from '../test/e2e/browser.ts';

const root = path.resolve(import.meta.dirname, '..');

function findTests(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (name.endsWith('.test.ts')) out.push(path.relative(root, full));
  }
  return out;
}

const filter = process.argv.slice(2);
const files = [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))]
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

const env: NodeJS.ProcessEnv = { ...process.env, SYMBIONT_LOG_LEVEL: process.env.SYMBIONT_LOG_LEVEL ?? 'silent' };
const notes: string[] = [];
let cluster: PgCluster | null = null;

const pgReason = process.env.SYMBIONT_TEST_PG === 'off' ? 'SYMBIONT_TEST_PG=off' : env.SYMBIONT_TEST_PG_URL ? null : pgUnavailableReason();
if (pgReason) {
  notes.push(`postgres: SKIPPED — ${pgReason}`);
} else if (env.SYMBIONT_TEST_PG_URL) {
  notes.push('postgres: ran against SYMBIONT_TEST_PG_URL');
} else {
  cluster = await startPgCluster();
  env.SYMBIONT_TEST_PG_URL = cluster.url;
  notes.push(`postgres: ran on a throwaway cluster at 127.0.0.1:${cluster.port}`);
}
notes.unshift('sqlite: ran (in-memory databases)');
const browserReason = chromiumUnavailableReason();
notes.push(browserReason ? `browser (e2e) suites: SKIPPED — ${browserReason}` : 'browser (e2e) suites: ran in headless Chromium');
if (browserReason) env.SYMBIONT_E2E_SKIP = browserReason;

process.stdout.write(`symbiont tests: ${files.length} files\n${notes.map((n) => `  ${n}`).join('\n')}\n\n`);

const tapDir = mkdtempSync(path.join(tmpdir(), 'symbiont-tap-'));
const tapFile = path.join(tapDir, 'run.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { cwd: root, env, stdio: 'inherit' },
);
cluster?.stop();

const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
rmSync(tapDir, { recursive: true, force: true });
const count = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
const skipped = [...new Set([...tap.matchAll(/^\s*(?:not )?ok \d+ - (.+?) # SKIP (.*)$/gm)].map((m) => `${m[1]} — ${m[2]}`))];

process.stdout.write('\n== summary ==\n');
for (const note of notes) process.stdout.write(`${note}\n`);
if (skipped.length > 0) {
  process.stdout.write(`skipped (${skipped.length}):\n`);
  for (const s of skipped.slice(0, 50)) process.stdout.write(`  ${s}\n`);
}
const failed = count('fail') + count('cancelled');
if (result.status !== 0 && failed === 0) process.stdout.write(`test runner exited with ${result.status ?? result.signal}\n`);
process.stdout.write(`# tests ${count('tests')}\n# skipped ${count('skipped')}\n# pass ${count('pass')}\n# fail ${failed}\n`);
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
