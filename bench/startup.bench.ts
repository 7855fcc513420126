// npm run bench:startup [-- --runs 5]
// From spawning `symbiont start` to GET /readyz 200 on an existing SQLite database (demo
// loaded, migrations applied, web UI built), next to a bare Fastify process started the same
// way. Also once through `npm start`, which adds npm's own start-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../src/platform/db/testing/pg-cluster.ts';
import { BIN, cli, flag, ROOT, say, spawnUntilReady, stop } from './harness.ts';

const runs = flag('runs', 5);
const dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-bench-start-'));
const env = { ...process.env, SYMBIONT_DATA_DIR: dataDir, SYMBIONT_LOG_LEVEL: 'warn', DATABASE_URL: '' };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function timeStart(command: string, args: string[], extraEnv: NodeJS.ProcessEnv, readyPath: string): Promise<number> {
  const port = await freePort();
  const { child, readyMs } = await spawnUntilReady(
    command,
    args,
    { ...env, ...extraEnv, SYMBIONT_PORT: String(port), PORT: String(port) },
    `http://127.0.0.1:${port}${readyPath}`,
  );
  await stop(child);
  return readyMs;
}

try {
  say('preparing: demo data, one start to apply migrations and warm caches…');
  cli(['demo'], env);
  await timeStart(process.execPath, [BIN, 'start'], {}, '/readyz');

  const symbiont: number[] = [];
  const bare: number[] = [];
  for (let i = 1; i <= runs; i++) {
    say(`run ${i}/${runs}`);
    symbiont.push(await timeStart(process.execPath, [BIN, 'start'], {}, '/readyz'));
    bare.push(await timeStart(process.execPath, [path.join(ROOT, 'bench', 'peers', 'bare-fastify.mjs')], {}, '/readyz'));
  }
  say('once through npm start…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npmMs = await timeStart(npm, ['start', '--silent', '--prefix', ROOT], {}, '/readyz');

  const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  process.stdout.write(`\nstart-up to /readyz 200 (existing SQLite database, ${runs} runs, Node ${process.version})\n`);
  process.stdout.write(`symbiont start       ${fmt(symbiont)}   [${symbiont.map((x) => x.toFixed(0)).join(', ')}]\n`);
  process.stdout.write(`bare Fastify         ${fmt(bare)}   [${bare.map((x) => x.toFixed(0)).join(', ')}]\n`);
  process.stdout.write(`npm start (once)     ${npmMs.toFixed(0)} ms\n`);
  process.stdout.write(`symbiont/bare ratio  ${(median(symbiont) / median(bare)).toFixed(1)}x; target: under 2000 ms from npm start\n`);
  process.stdout.write(
    `startup_median_ms=${median(symbiont).toFixed(0)} startup_max_ms=${Math.max(...symbiont).toFixed(0)} npm_start_ms=${npmMs.toFixed(0)} bare_median_ms=${median(bare).toFixed(0)}\n`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
