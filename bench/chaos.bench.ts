// npm run bench:chaos [-- --kills 100 --seed 1 --concurrency 8 --budget 900 --quick --keep]
// W1 (sync webhook → JSONata → respond) and W5 (async webhook → JSONata → 1 s durable delay →
// JSONata → HTTP receipt to a sink in this process) under load from this process, while the
// server (`symbiont start`, SQLite) is SIGKILLed at random moments and started again, --kills
// times. Then one last life drains the work, is stopped cleanly, and the database and the sink
// are audited. Last line: `lost=<n> duplicated_steps=<n> unfinished=<n>`, all three must be 0.
// The kill schedule comes from a PRNG seeded by --seed; the timing of the load around it does not.

import SQLite from 'better-sqlite3';
import { seededRandom } from '../src/platform/seeded-random.ts';
import { auditChaos, createCommitTracker } from './chaos/audit.ts';
import { startLoad } from './chaos/load.ts';
import { startReceiptSink } from './chaos/receipt-sink.ts';
import { RECEIPT_NODE, W5_WEBHOOK_PATH, w5Definition } from './chaos/workflows.ts';
import { hasFlag, say, wholeFlag } from './harness.ts';
import { prepareServer } from './symbiont-server.ts';
import { checkW1, SYMBIONT_W1_DEFINITION, SYMBIONT_W1_WEBHOOK_PATH } from './w1/workload.ts';

const quick = hasFlag('quick');
const targetKills = wholeFlag('kills', quick ? 20 : 100);
const seed = wholeFlag('seed', 1);
const concurrency = wholeFlag('concurrency', 8);
// Bounds: the kill phase ends at --kills or after this long, whichever comes first.
const killPhaseMs = wholeFlag('budget', quick ? 40 : 900) * 1000;
const DRAIN_MS = 30_000;
// How long a ready server runs under load before it is killed: uniform in [min, max) ms.
const UP_MS: [number, number] = quick ? [100, 400] : [300, 2000];
// Share of rounds with an extra kill during the next start-up, at 50–110 % of the last start-up
// time: late in it, where the database is opened, migrated and orphaned runs are taken over.
const STARTUP_KILL_SHARE = 0.1;

const schedule = seededRandom(seed);
const mix = seededRandom(seed ^ 0x5bd1e995);
const began = Date.now();
const elapsed = () => ((Date.now() - began) / 1000).toFixed(1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let life = 0;
const sink = await startReceiptSink(() => life);
say(`chaos: seed ${seed}, ${targetKills} kills, ${concurrency} workers${quick ? ' (quick)' : ''}; creating the admin and an API token…`);
const server = await prepareServer({ name: 'chaos', httpAllow: '127.0.0.1/32' });
life = 1;
const tracker = createCommitTracker(server.dbFile, sink.receipts);
const deaths: number[] = [];
let startupKills = 0;
let startupKillsBeforeReady = 0;
const startupTimes: number[] = [];

let cleaned = false;
const cleanUp = async () => {
  if (cleaned) return;
  cleaned = true;
  await server.stop();
  await sink.close();
  if (!hasFlag('keep')) server.remove();
};
process.once('SIGINT', () => {
  say('SIGINT: stopping the server…');
  void cleanUp().finally(() => process.exit(130));
});

/** After a death: let the sink read what the dead process sent, then note what it had committed. */
const afterDeath = async (exitedAt: number) => {
  deaths.push(exitedAt);
  await sleep(50);
  tracker.observe(life);
};

try {
  startupTimes.push(await server.start());
  const w1Id = await server.publish('W1', SYMBIONT_W1_DEFINITION);
  const w5Id = await server.publish('W5', w5Definition(sink.url));
  const wrong = await checkW1(`${server.base}/webhooks/${SYMBIONT_W1_WEBHOOK_PATH}`);
  if (wrong) throw new Error(`W1 answered wrongly: ${wrong}`);
  say(`chaos: W1 on /webhooks/${SYMBIONT_W1_WEBHOOK_PATH}, W5 on /webhooks/${W5_WEBHOOK_PATH}, receipts to ${sink.url}`);
  const load = startLoad({ base: server.base, concurrency, random: mix, up: () => server.up() });
  const ackedNow = () => load.stats.acked.w1 + load.stats.acked.w5;
  const phaseEnd = Date.now() + killPhaseMs;
  let kills = 0;
  while (kills < targetKills && Date.now() < phaseEnd) {
    // Draw every number each round, used or not, so the schedule depends on the seed alone.
    const upMs = UP_MS[0] + schedule() * (UP_MS[1] - UP_MS[0]);
    const startupKill = schedule() < STARTUP_KILL_SHARE;
    const startupKillAt = 0.5 + 0.6 * schedule();
    await sleep(upMs);
    await afterDeath(await server.kill());
    kills += 1;
    if (startupKill) {
      life += 1;
      const { exitedAt, wasReady } = await server.startAndKill(startupKillAt * (startupTimes.at(-1) ?? 1500));
      await afterDeath(exitedAt);
      startupKills += 1;
      if (!wasReady) startupKillsBeforeReady += 1;
    }
    life += 1;
    startupTimes.push(await server.start());
    if (kills % (quick ? 6 : 10) === 0 || kills === targetKills)
      say(
        `[kill ${kills}/${targetKills}] ${elapsed()} s: life ${life}, acked ${ackedNow()} (W1 ${load.stats.acked.w1}, W5 ${load.stats.acked.w5}), failed answers ${Object.values(load.stats.failures).reduce((a, b) => a + b, 0)}, receipts ${sink.total()}`,
      );
  }
  if (kills < targetKills) say(`chaos: the ${killPhaseMs / 1000} s bound ended the kill phase after ${kills} kills`);
  say(`chaos: ${elapsed()} s: load stopping; owed W5 retries sent once more…`);
  await load.finish();

  // Drain: the last life finishes what is open (bounded).
  const drainStart = Date.now();
  let open = Number.POSITIVE_INFINITY;
  while (Date.now() - drainStart < DRAIN_MS) {
    const db = new SQLite(server.dbFile, { readonly: true, fileMustExist: true });
    try {
      open = (db.prepare("select count(*) as n from runs where status not in ('succeeded', 'failed', 'cancelled')").get() as { n: number })
        .n;
    } finally {
      db.close();
    }
    if (open === 0) break;
    await sleep(250);
  }
  const drainMs = Date.now() - drainStart;
  say(`chaos: ${elapsed()} s: drained in ${(drainMs / 1000).toFixed(1)} s (${open} runs open); stopping the last life (SIGTERM)…`);
  await server.stop();
  await sleep(50);
  tracker.observe(life);

  const audit = auditChaos({
    dbFile: server.dbFile,
    requests: load.requests,
    receipts: sink.receipts,
    committed: tracker.committed,
    deaths,
    expectedSteps: { [w1Id]: SYMBIONT_W1_DEFINITION.nodes.length, [w5Id]: w5Definition(sink.url).nodes.length },
    w5WorkflowId: w5Id,
  });

  const notAcked = load.requests.filter((r) => r.runId === null);
  const starts = [...startupTimes].sort((a, b) => a - b);
  const median = starts[Math.floor(starts.length / 2)] ?? 0;
  const d = audit.duplicates;
  const rows: [string, string][] = [
    ['seed', String(seed)],
    ['kills (SIGKILL of a ready server under load)', String(kills)],
    ['extra kills during start-up / recovery', `${startupKills} (${startupKillsBeforeReady} before /readyz)`],
    ['server lives', String(life)],
    ['start-up to /readyz, median / max', `${(median / 1000).toFixed(2)} s / ${((starts.at(-1) ?? 0) / 1000).toFixed(2)} s`],
    ['requests sent (incl. W5 retries)', String(load.stats.sent)],
    [
      'deliveries',
      `${load.requests.length} (W1 ${load.requests.filter((r) => r.kind === 'w1').length}, W5 ${load.requests.filter((r) => r.kind === 'w5').length})`,
    ],
    [
      'acknowledged',
      `${audit.acked} (W1 ${load.stats.acked.w1}, W5 ${load.stats.acked.w5}; W5 retries answered duplicate ${load.stats.deduplicated})`,
    ],
    [
      'not acknowledged (cut off by a kill)',
      `${notAcked.length} (W1 ${notAcked.filter((r) => r.kind === 'w1').length}, W5 ${notAcked.filter((r) => r.kind === 'w5').length})`,
    ],
    ['failed answers by status (0 = connection)', JSON.stringify(load.stats.failures)],
    ['runs in the database', `${audit.runs} ${JSON.stringify(audit.runsByStatus)}`],
    ['drain after the last restart', `${(drainMs / 1000).toFixed(1)} s`],
    ['receipt steps / receipts at the sink', `${audit.receiptKeys} / ${audit.receipts}`],
    [
      'receipt steps seen committed at a kill (checked for later runs)',
      String([...tracker.committed.values()].filter((c) => c.life < life).length),
    ],
    ['receipt steps re-run after a cut-off (allowed)', String(audit.rerunAfterCutOff)],
    ['step rows with attempt > 1, within the kills (allowed)', String(audit.attemptsAfterKill)],
    ['LOST: acked, run missing / not succeeded', `${audit.lost.missing.length} / ${audit.lost.notSucceeded.length}`],
    ['UNFINISHED runs', String(audit.unfinished.length)],
    [
      'DUPLICATED: same life / after commit / attempts / unrecorded / stale',
      `${d.sameLife.length} / ${d.afterCommit.length} / ${d.attemptExcess.length} / ${d.unrecorded.length} / ${d.staleCommit.length}`,
    ],
    ['duplicate runs (W5 retries), incomplete runs', `${audit.duplicateRuns.length}, ${audit.incomplete.length}`],
  ];
  process.stdout.write(`\nchaos: W1 + W5 (${RECEIPT_NODE} step counted), ${kills} kills, Node ${process.version}, ${elapsed()} s\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(66)} ${v}\n`);
  for (const line of audit.evidence.slice(0, 20)) process.stdout.write(`  ${line}\n`);
  if (audit.evidence.length > 20) process.stdout.write(`  … ${audit.evidence.length - 20} more\n`);
  const lost = audit.lost.missing.length + audit.lost.notSucceeded.length;
  process.stdout.write(`lost=${lost} duplicated_steps=${audit.duplicatedSteps} unfinished=${audit.unfinished.length}\n`);
  process.exitCode =
    lost + audit.duplicatedSteps + audit.unfinished.length + audit.duplicateRuns.length + audit.incomplete.length > 0 ? 1 : 0;
} catch (error) {
  say(`chaos: FAILED: ${(error as Error).message}`);
  say(server.output());
  process.exitCode = 2;
} finally {
  await cleanUp();
}
