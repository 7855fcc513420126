// A deterministic event-log generator for the mining benchmarks: an order-to-delivery process
// with choices, a rework loop (quality check → repack → quality check), reminders and 40
// resources. Seeded (mulberry32), so the same arguments always write the same bytes.
// Usage: tsx bench/generate-eventlog.ts [--events N] [--seed S] [--out DIR]  → DIR/eventlog-N-S.{xes,csv}
import { createWriteStream, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seededRandom } from '../src/platform/seeded-random.ts';

/** One case's activities with the mean minutes to wait before each. */
function traceOf(random: () => number): [string, number][] {
  const t: [string, number][] = [['Register order', 0]];
  t.push(['Check stock', 30]);
  if (random() < 0.3) t.push(['Order supplies', 60], ['Receive supplies', 2880]);
  t.push(['Pick items', 120], ['Pack', 45]);
  t.push(['Quality check', 240]);
  while (random() < 0.2) t.push(['Repack', 60], ['Quality check', 90]);
  t.push(['Ship', 600], ['Deliver', 1440]);
  if (random() < 0.1) t.push(['Handle complaint', 1440]);
  t.push(['Send invoice', 120]);
  while (random() < 0.25) t.push(['Send reminder', 20160]);
  t.push(['Payment received', 4320]);
  return t;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

async function put(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Writes `events` events (whole cases, so slightly more) as XES and CSV; returns the paths and the counts. */
export async function generateEventLog(events: number, seed: number, dir = tmpdir()) {
  const random = seededRandom(seed);
  const base = path.join(dir, `eventlog-${events}-${seed}`);
  const xes = createWriteStream(`${base}.xes`);
  const csv = createWriteStream(`${base}.csv`);
  await put(
    xes,
    '<?xml version="1.0" encoding="UTF-8" ?>\n<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n\t<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>\n\t<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>\n\t<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>\n',
  );
  await put(csv, 'case:concept:name,concept:name,org:resource,time:timestamp\n');
  const resources = Array.from({ length: 40 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`);
  let written = 0;
  let cases = 0;
  let start = Date.UTC(2024, 0, 1, 8, 0, 0);
  while (written < events) {
    cases += 1;
    const id = `order-${cases}`;
    start += Math.floor(random() * 10 * 60_000);
    let t = start;
    let x = `\t<trace>\n\t\t<string key="concept:name" value="${id}"/>\n`;
    let c = '';
    for (const [activity, minutes] of traceOf(random)) {
      t += Math.floor(-Math.log(1 - random()) * minutes * 60_000);
      const resource = resources[Math.floor(random() * resources.length)] as string;
      const stamp = new Date(t).toISOString();
      x += `\t\t<event>\n\t\t\t<string key="concept:name" value="${escapeXml(activity)}"/>\n\t\t\t<string key="org:resource" value="${resource}"/>\n\t\t\t<date key="time:timestamp" value="${stamp}"/>\n\t\t</event>\n`;
      c += `${id},${activity},${resource},${stamp}\n`;
      written += 1;
    }
    await put(xes, `${x}\t</trace>\n`);
    await put(csv, c);
  }
  await put(xes, '</log>\n');
  await Promise.all([new Promise<void>((r) => xes.end(() => r())), new Promise<void>((r) => csv.end(() => r()))]);
  return { xes: `${base}.xes`, csv: `${base}.csv`, events: written, cases };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? (process.argv[i + 1] as string) : fallback;
  };
  const result = await generateEventLog(Number(arg('events', '5000000')), Number(arg('seed', '1')), arg('out', tmpdir()));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
