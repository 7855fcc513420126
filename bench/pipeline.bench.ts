// npm run bench:pipeline [-- --ideas 10000 --samples 300]
// The idea pipeline at 10,000 ideas, on a real SQLite file, in one process (the app's HTTP layer
// through fastify.inject, so routing, validation, sessions and serialisation are counted):
// - similar-idea lookup at submit (POST /api/v1/ideas/similar) with drafts that reword existing ideas;
// - pipeline table pages (GET /api/v1/ideas) with the filters and sorts of the web table,
//   first pages and keyset next pages.
// Ideas are generated deterministically (a seeded PRNG over a small business vocabulary) and
// written through the import service (one transaction).
// Peer, in the same run: the naive similarity lookup — `LIKE '%word%'` over every idea for each
// word of the draft, ranked by how many words match — on the same database, without HTTP.
// Last line: `similar_p99_ms=<n> table_p99_ms=<n>` (targets ≤ 50 and ≤ 300).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openMigratedDatabase } from '../src/app.ts';
import type { SubmitIdeaInput } from '../src/modules/ideas/ideas.schemas.ts';
import { containsIgnoreCase } from '../src/platform/db/like.ts';
import { cliActor } from '../src/platform/permissions/actor.ts';
import { createTestApp } from '../src/testing/test-app.ts';
import { quantile, say, wholeFlag } from './harness.ts';

const IDEAS = wholeFlag('ideas', 10_000);
const SAMPLES = wholeFlag('samples', 300);

/** Mulberry32: a small deterministic PRNG. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const VERBS = ['copy', 'check', 'approve', 'send', 'book', 'reconcile', 'collect', 'update', 'archive', 'report', 'schedule', 'validate'];
const OBJECTS = [
  'supplier invoices',
  'customer orders',
  'holiday requests',
  'delivery notes',
  'expense claims',
  'timesheets',
  'purchase orders',
  'price lists',
  'sick notes',
  'contracts',
  'stock counts',
  'payment reminders',
  'quotes',
  'onboarding checklists',
  'access requests',
  'bank statements',
];
const SYSTEMS = [
  'the accounting system',
  'the web shop',
  'Excel',
  'the HR portal',
  'the ERP',
  'SharePoint',
  'the CRM',
  'e-mail',
  'the payroll tool',
  'paper forms',
];
const WHEN = ['every morning', 'each Monday', 'at month end', 'twice a day', 'when a customer calls', 'before each delivery'];
const PAINS = ['typos', 'late payments', 'double work', 'lost documents', 'angry customers', 'overtime'];

function generate(n: number, categories: string[]): SubmitIdeaInput[] {
  const r = prng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const q = () => 1 + Math.floor(r() * 5);
  return Array.from({ length: n }, (_, i) => {
    const verb = pick(VERBS);
    const object = pick(OBJECTS);
    const system = pick(SYSTEMS);
    return {
      name: `${verb[0]?.toUpperCase()}${verb.slice(1)} ${object} in ${system} #${i}`,
      description: `${pick(WHEN)} we ${verb} ${object} by hand from ${pick(SYSTEMS)} into ${system}; ${pick(PAINS)} and ${pick(PAINS)} follow.`,
      categoryId: pick(categories),
      teamId: null,
      painPoints: pick(PAINS),
      applications: [system],
      frequencyPeriod: pick(['day', 'week', 'month'] as const),
      frequencyCount: 1 + Math.floor(r() * 50),
      minutesPerCase: 1 + Math.floor(r() * 30),
      screen: { rules: q(), digital: q(), structured: q(), change: q(), documentation: q() },
    };
  });
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99) };
};
const fmt = (x: number) => x.toFixed(2);

const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-bench-pipeline-'));
const handle = await openMigratedDatabase({ database: { dialect: 'sqlite', file: path.join(dir, 'bench.db') } });
try {
  const app = await createTestApp(handle, { engine: false });
  await app.createUser('mia@bench.example', ['programme_manager']);
  const mia = await app.login('mia@bench.example');
  const categories = (await app.services.ideaCategories.list(cliActor('bench'))).map((c) => c.id);
  const ideas = generate(IDEAS, categories);
  let t = performance.now();
  await app.services.ideas.importMany(
    cliActor('bench'),
    ideas.map((input) => ({ input, submitterId: null })),
  );
  say(`generated and imported ${IDEAS} ideas in ${fmt((performance.now() - t) / 1000)} s`);

  // Drafts: reworded existing ideas (the duplicate should come first).
  const r = prng(7);
  const drafts = Array.from({ length: SAMPLES }, () => {
    const source = ideas[Math.floor(r() * ideas.length)] as SubmitIdeaInput;
    return { name: source.name.replace(/ #\d+$/, '').replace(' in ', ' into '), description: source.description.split(';')[0] ?? '' };
  });
  t = performance.now();
  await app.services.ideas.similar(cliActor('bench'), { name: 'warm up', description: '', limit: 5 });
  say(`similarity index built from the database in ${fmt(performance.now() - t)} ms`);

  const similarMs: number[] = [];
  for (const draft of drafts) {
    const start = performance.now();
    const res = await mia.request({ method: 'POST', url: '/api/v1/ideas/similar', payload: { ...draft, limit: 5 } });
    similarMs.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(res.body);
  }

  // The peer: a LIKE scan per draft word, ranked by matched words, on the same database.
  const peerMs: number[] = [];
  for (const draft of drafts.slice(0, Math.min(60, SAMPLES))) {
    const words = [...new Set(`${draft.name} ${draft.description}`.toLowerCase().match(/[a-z]{4,}/g) ?? [])].slice(0, 8);
    const start = performance.now();
    const hits = new Map<string, number>();
    for (const w of words) {
      const rows = await handle.db.selectFrom('ideas').select('id').where(containsIgnoreCase('search_text', w)).execute();
      for (const row of rows) hits.set(row.id, (hits.get(row.id) ?? 0) + 1);
    }
    [...hits].sort((a, b) => b[1] - a[1]).slice(0, 5);
    peerMs.push(performance.now() - start);
  }

  const queries = [
    '/api/v1/ideas?limit=50',
    '/api/v1/ideas?limit=50&sort=score',
    '/api/v1/ideas?limit=50&sort=votes&phase=idea',
    `/api/v1/ideas?limit=50&categoryId=${categories[0]}&status=awaiting_review`,
    '/api/v1/ideas?limit=50&q=invoices&sort=name&order=asc',
    '/api/v1/ideas?limit=50&minScore=70&sort=score',
    '/api/v1/ideas/decision-queue?limit=50',
  ];
  const tableMs: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const url = queries[i % queries.length] as string;
    let start = performance.now();
    const first = await mia.request({ method: 'GET', url });
    tableMs.push(performance.now() - start);
    if (first.statusCode !== 200) throw new Error(first.body);
    const next = first.json().nextCursor as string | null;
    if (next) {
      start = performance.now();
      const second = await mia.request({ method: 'GET', url: `${url}&cursor=${next}` });
      tableMs.push(performance.now() - start);
      if (second.statusCode !== 200) throw new Error(second.body);
    }
  }

  const s = stats(similarMs);
  const p = stats(peerMs);
  const tb = stats(tableMs);
  say(`similar lookup (HTTP, TF-IDF index): p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms over ${similarMs.length}`);
  say(
    `peer: LIKE scan per word (SQL only): p50 ${fmt(p.p50)} ms, p99 ${fmt(p.p99)} ms over ${peerMs.length} → ${fmt(p.p50 / s.p50)}× slower at p50`,
  );
  say(`pipeline table pages (HTTP): p50 ${fmt(tb.p50)} ms, p99 ${fmt(tb.p99)} ms over ${tableMs.length}`);
  await app.close();
  process.stdout.write(`similar_p99_ms=${fmt(s.p99)} table_p99_ms=${fmt(tb.p99)}\n`);
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
