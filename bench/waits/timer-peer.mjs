// The naive peer of bench:waits: an in-memory "engine" that keeps each waiting run as a
// setTimeout holding the run's data, in one plain Node process (no persistence, no HTTP).
// Protocol on stdio: prints `ready`, waits for `arm <runs> <windowMs> <leadMs>` on stdin, creates
// one timer per run (deadlines spread evenly over the window, starting leadMs from now), prints
// `armed <firstDeadlineEpochMs>`, and once every timer fired prints `result <json>` and exits.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const payload = readFileSync(process.argv[2] ?? '', 'utf8');

function armAndWait(runs, windowMs, leadMs) {
  const first = Date.now() + leadMs;
  const lateness = new Float64Array(runs);
  let fired = 0;
  for (let i = 0; i < runs; i++) {
    const deadline = first + Math.floor((windowMs * i) / runs);
    // What an in-memory engine keeps per waiting run: its id, its data (parsed per run, as a
    // server would from each request) and the callback that goes on with it.
    const run = { id: randomUUID(), data: { body: JSON.parse(payload), n: i, until: new Date(deadline).toISOString() } };
    setTimeout(() => {
      lateness[i] = Date.now() - deadline;
      run.data = null;
      fired += 1;
      if (fired === runs) finish(lateness);
    }, deadline - Date.now());
  }
  process.stdout.write(`armed ${first}\n`);
}

function finish(lateness) {
  const sorted = Float64Array.from(lateness).sort();
  // Nearest rank, as bench/harness.ts quantile().
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const result = { runs: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
  process.stdout.write(`result ${JSON.stringify(result)}\n`);
  process.exit(0);
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [word, runs, windowMs, leadMs] = line.trim().split(' ');
  if (word === 'arm') armAndWait(Number(runs), Number(windowMs), Number(leadMs));
});
process.stdout.write('ready\n');
