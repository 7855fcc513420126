// Workload W1: the order, the JSONata expression, the expected answer, and the one check every
// system passes before it is measured. The files beside this one are copies of ../shared/bench
// (see README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export const W1_DIR = import.meta.dirname;
export const W1_LUA = path.join(W1_DIR, 'post.lua');
export const W1_FLOW_FILE = path.join(W1_DIR, 'node-red-w1-flow.json');
export const W1_EXPRESSION_FILE = path.join(W1_DIR, 'w1.jsonata');

/** The order as sent: compact JSON, the shared original's bytes (Biome may reformat the copy). */
export const W1_BODY = JSON.stringify(JSON.parse(readFileSync(path.join(W1_DIR, 'w1-body.json'), 'utf8')));
export const W1_EXPRESSION = readFileSync(W1_EXPRESSION_FILE, 'utf8').trim();
export const W1_EXPECTED = { order: 'ord-10042', customer: 'ANNA SCHMIDT', total: 39.7, count: 5 };

/**
 * W1's expression addresses the order's fields at the top level (`id`, `customer.name`,
 * `items`), which is how the ceiling evaluates it (and Node-RED's flow, with `payload.`). In
 * Symbiont a transform's input is the webhook trigger's output `{ body, headers, query }`, so
 * the order is `body`. This is the only place the expression is adapted.
 */
export const SYMBIONT_W1_EXPRESSION = `body.( ${W1_EXPRESSION} )`;

/** Symbiont's webhook path for W1 (`POST /webhooks/<path>`); paths have 3–101 characters. */
export const SYMBIONT_W1_WEBHOOK_PATH = 'bench-w1';

/** The W1 workflow in Symbiont's definition format (docs/workflow-definition.md). */
export const SYMBIONT_W1_DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'order', type: 'trigger.webhook', name: 'Order received', config: { path: SYMBIONT_W1_WEBHOOK_PATH, mode: 'sync' } },
    { id: 'summary', type: 'logic.transform', name: 'Summarise', config: { expression: SYMBIONT_W1_EXPRESSION } },
    { id: 'reply', type: 'logic.respond', name: 'Reply', config: { status: 200, body: '{{ $nodes.summary.output }}' } },
  ],
  edges: [
    { from: 'order', to: 'summary' },
    { from: 'summary', to: 'reply' },
  ],
};

/** What a system recorded of the runs it answered (Symbiont only). */
export interface W1Records {
  runs: number;
  steps: number;
  /** Runs by status, e.g. `{ succeeded: 41230 }`. */
  runStatuses: Record<string, number>;
  /** The SQLite journal mode, e.g. `wal`. */
  journalMode: string;
}

/** A system under load: where W1 is POSTed, and how to stop what was started for it. */
export interface W1System {
  label: string;
  url: string;
  stop: () => Promise<void>;
  /** The server process, for its CPU time. */
  pid?: number | undefined;
  /** Reads what was recorded, while the system still runs. */
  records?: () => W1Records;
}

/** POSTs the order once; null when the answer is right, else what was wrong. */
export async function checkW1(url: string): Promise<string | null> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: W1_BODY,
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (res.status >= 200 && res.status < 300 && isDeepStrictEqual(json, W1_EXPECTED)) return null;
  return `POST ${url} answered ${res.status} ${text.slice(0, 500)}; expected 2xx ${JSON.stringify(W1_EXPECTED)}`;
}
