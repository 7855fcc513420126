// `npm run bench:mining-scale`: `symbiont audit stats --json` on a generated log of 5 million
// events (XES and CSV), as a child process: prints events/s (wall and CPU time) and peak RSS
// (target < 1 GB). Wall time includes reading the file, which a slow disk may dominate.
// The log is written once under the OS temp dir by bench/generate-eventlog.ts (deterministic,
// seeded) and reused; --regenerate rewrites it. Flags: --events N (default 5000000), --seed S.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateEventLog } from './generate-eventlog.ts';
import { BIN, hasFlag, ROOT, say, wholeFlag } from './harness.ts';

const events = wholeFlag('events', 5_000_000);
const seed = wholeFlag('seed', 1);
const base = path.join(tmpdir(), `eventlog-${events}-${seed}`);
if (hasFlag('regenerate') || !existsSync(`${base}.xes`) || !existsSync(`${base}.csv`)) {
  say(`generating ${events} events (seed ${seed}) into ${base}.{xes,csv} …`);
  const started = performance.now();
  await generateEventLog(events, seed);
  say(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'symbiont-mining-scale-'));
const rssFile = path.join(scratch, 'rss');
const preload = path.join(ROOT, 'bench', 'report-peak-rss.mjs');
const lines: string[] = [];
const summary: string[] = [];
for (const format of ['xes', 'csv'] as const) {
  const file = `${base}.${format}`;
  const started = performance.now();
  const res = spawnSync(process.execPath, ['--import', preload, BIN, 'audit', 'stats', file, '--json'], {
    env: { ...process.env, SYMBIONT_BENCH_RSS_FILE: rssFile, SYMBIONT_DATA_DIR: scratch },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 0) {
    say(res.stderr);
    process.exit(1);
  }
  const stats = JSON.parse(res.stdout) as { num_events: number; num_cases: number; num_variants: number };
  const usage = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
  const rssMb = usage.maxRSS / 1024;
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  const mb = statSync(file).size / 1048576;
  lines.push(
    `${format.padEnd(4)} ${mb.toFixed(0).padStart(6)} MB  ${stats.num_events} events  ${stats.num_cases} cases  ${stats.num_variants} variants  ${seconds.toFixed(1).padStart(6)} s  ${Math.round(
      stats.num_events / seconds,
    )
      .toString()
      .padStart(9)} events/s  CPU ${cpu.toFixed(1)} s  peak RSS ${rssMb.toFixed(0)} MB`,
  );
  summary.push(
    `${format}_events_per_s=${Math.round(stats.num_events / seconds)} ${format}_events_per_cpu_s=${Math.round(stats.num_events / cpu)} ${format}_peak_rss_mb=${rssMb.toFixed(0)}`,
  );
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`symbiont audit stats --json (whole command: start-up, read, sort, mine, print), Node ${process.version}\n`);
for (const line of lines) process.stdout.write(`${line}\n`);
process.stdout.write(`${summary.join(' ')}\n`);
