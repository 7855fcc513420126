// `npm run bench:mining`: parse an XES log, then frequency DFG + performance DFG + variants + case
// durations, for Symbiont and for pm4js 0.0.28 in the same process and run. Prints the median of
// several rounds for each, a cross-check of their results, and last `symbiont_vs_pm4js=<speed-up>`.
// Flags: --rounds N (default 10), --warmups N (default 3), --file PATH (default ../shared/data/eventlogs/receipt.xes).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditStats } from '../src/modules/audit/audit-stats.domain.ts';
import { analyseLog } from '../src/modules/audit/log-analysis.domain.ts';
import { importXes } from '../src/modules/audit/xes-import.ts';
import { ROOT, say, wholeFlag, wordFlag } from './harness.ts';
import { installedPm4js, installPm4js, loadPm4js, PM4JS_VERSION, pm4jsCaseDurations } from './peers/pm4js.ts';

const file = path.resolve(wordFlag('file') ?? path.join(ROOT, '..', 'shared', 'data', 'eventlogs', 'receipt.xes'));
const rounds = wholeFlag('rounds', 10);
const warmups = wholeFlag('warmups', 3);
if (!existsSync(file)) {
  say(`no event log at ${file}; pass --file <log.xes>`);
  process.exit(2);
}
if (!installedPm4js()) installPm4js();
const pm4js = loadPm4js();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[s.length >> 1] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function symbiont() {
  const started = performance.now();
  const { log } = await importXes(file);
  const parsed = performance.now();
  const analysis = analyseLog(log); // frequency + performance DFG, variants, case durations, in one pass
  const done = performance.now();
  const stats = auditStats(log, analysis);
  return {
    parseMs: parsed - started,
    mineMs: done - parsed,
    edges: stats.num_dfg_edges,
    pairs: sum(stats.dfg.map((e) => e.count)),
    variants: stats.num_variants,
    cases: stats.num_cases,
  };
}

function peer() {
  const started = performance.now();
  const log = pm4js.XesImporter.apply(readFileSync(file, 'utf8'));
  const parsed = performance.now();
  const frequency = pm4js.FrequencyDfgDiscovery.apply(log, 'concept:name');
  pm4js.PerformanceDfgDiscovery.apply(log, 'concept:name', 'time:timestamp', 'mean');
  const variants = pm4js.GeneralLogStatistics.getVariants(log, 'concept:name');
  const durations = pm4jsCaseDurations(log);
  const done = performance.now();
  const pairs = Object.values(frequency.pathsFrequency);
  return {
    parseMs: parsed - started,
    mineMs: done - parsed,
    edges: pairs.length,
    pairs: sum(pairs),
    variants: Object.keys(variants).length,
    cases: durations.length,
  };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

say(
  `Mining ${path.basename(file)}: parse + frequency DFG + performance DFG + variants + case durations, ${rounds} rounds after ${warmups} warm-ups (Node ${process.version})`,
);
const ours: Awaited<ReturnType<typeof symbiont>>[] = [];
const theirs: ReturnType<typeof peer>[] = [];
// Warm-ups: both get the same chance to be compiled by V8's optimising tiers.
for (let i = 0; i < warmups; i++) {
  await symbiont();
  peer();
}
for (let i = 0; i < rounds; i++) {
  // Alternate, so a noisy neighbour on the machine hurts both alike.
  ours.push(await symbiont());
  theirs.push(peer());
}
const total = (r: { parseMs: number; mineMs: number }) => r.parseMs + r.mineMs;
const row = (name: string, rs: { parseMs: number; mineMs: number }[]) =>
  `${name.padEnd(16)} total ${median(rs.map(total)).toFixed(1).padStart(8)} ms   parse ${median(rs.map((r) => r.parseMs))
    .toFixed(1)
    .padStart(8)} ms   mine ${median(rs.map((r) => r.mineMs))
    .toFixed(1)
    .padStart(7)} ms`;
process.stdout.write(`${row('symbiont', ours)}\n${row(`pm4js ${PM4JS_VERSION}`, theirs)}\n`);
const a = ours[0] as Awaited<ReturnType<typeof symbiont>>;
const b = theirs[0] as ReturnType<typeof peer>;
const agree = a.edges === b.edges && a.pairs === b.pairs && a.variants === b.variants && a.cases === b.cases;
process.stdout.write(
  `cross-check: cases ${a.cases}/${b.cases}, DFG edges ${a.edges}/${b.edges}, directly-follows pairs ${a.pairs}/${b.pairs}, variants ${a.variants}/${b.variants} (symbiont/pm4js): ${agree ? 'agree' : 'DIFFER'}\n`,
);
process.stdout.write(`symbiont_vs_pm4js=${(median(theirs.map(total)) / median(ours.map(total))).toFixed(2)}\n`);
