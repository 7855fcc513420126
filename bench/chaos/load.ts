// The chaos bench's load: a fixed number of workers, each sending one webhook request at a time
// (half W1, half W5, each with a unique id), pausing while the server is down. A W5 request
// that got no acknowledgement is sent again after the restart with the same Idempotency-Key (at
// most 3 tries): a delivery the server had committed must come back as the same run.
import { Agent, request } from 'undici';
import { SYMBIONT_W1_WEBHOOK_PATH, W1_BODY } from '../w1/workload.ts';
import { W5_WEBHOOK_PATH } from './workflows.ts';

const MAX_TRIES = 3;

export interface SentRequest {
  id: string;
  kind: 'w1' | 'w5';
  tries: number;
  /** The run id of the acknowledgement (W1: 200 with X-Symbiont-Run-Id; W5: 202/200 with runId). */
  runId: string | null;
  /** W5: a retry answered with another run id than an earlier acknowledgement (a duplicate run). */
  conflictingRunId: string | null;
  lastError: string | null;
}

export interface LoadStats {
  sent: number;
  acked: { w1: number; w5: number };
  /** Answers that were not acknowledgements, by status (0: no answer, the connection failed). */
  failures: Record<string, number>;
  /** W5 retries answered `duplicate: true` (the first delivery had been committed). */
  deduplicated: number;
}

export interface Load {
  requests: SentRequest[];
  stats: LoadStats;
  /** Stops sending new requests, waits for those in flight, then sends the W5 retries still owed once more (server up). */
  finish(): Promise<void>;
}

/** Starts `concurrency` workers against `base`; `up()` says whether the server may be called. */
export function startLoad(options: { base: string; concurrency: number; random: () => number; up: () => boolean }): Load {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: options.concurrency });
  const requests: SentRequest[] = [];
  const retries: SentRequest[] = [];
  const stats: LoadStats = { sent: 0, acked: { w1: 0, w5: 0 }, failures: {}, deduplicated: 0 };
  let stopping = false;

  const fail = (req: SentRequest, status: number, error: string) => {
    stats.failures[String(status)] = (stats.failures[String(status)] ?? 0) + 1;
    req.lastError = error;
    if (req.kind === 'w5' && req.tries < MAX_TRIES) retries.push(req);
  };

  async function send(req: SentRequest): Promise<void> {
    req.tries += 1;
    stats.sent += 1;
    const path = req.kind === 'w1' ? SYMBIONT_W1_WEBHOOK_PATH : W5_WEBHOOK_PATH;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-bench-request': req.id };
    if (req.kind === 'w5') headers['idempotency-key'] = req.id;
    try {
      const res = await request(`${options.base}/webhooks/${path}`, {
        method: 'POST',
        headers,
        body: W1_BODY,
        dispatcher: agent,
        signal: AbortSignal.timeout(35_000),
      });
      const text = await res.body.text();
      if (req.kind === 'w1') {
        const runId = res.headers['x-symbiont-run-id'];
        if (res.statusCode === 200 && typeof runId === 'string') {
          req.runId = runId;
          stats.acked.w1 += 1;
        } else fail(req, res.statusCode, text.slice(0, 200));
        return;
      }
      const answer = res.statusCode === 202 || res.statusCode === 200 ? (JSON.parse(text) as { runId?: string; duplicate?: boolean }) : {};
      if (typeof answer.runId !== 'string') {
        fail(req, res.statusCode, text.slice(0, 200));
        return;
      }
      if (answer.duplicate) stats.deduplicated += 1;
      if (req.runId === null) {
        req.runId = answer.runId;
        stats.acked.w5 += 1;
      } else if (req.runId !== answer.runId) req.conflictingRunId = answer.runId;
    } catch (error) {
      fail(req, 0, (error as Error).message);
    }
  }

  let next = 0;
  const worker = async () => {
    while (!stopping) {
      if (!options.up()) {
        await new Promise((r) => setTimeout(r, 10));
        continue;
      }
      let req = retries.shift();
      if (!req) {
        next += 1;
        req = {
          id: `chaos-${next}`,
          kind: options.random() < 0.5 ? 'w1' : 'w5',
          tries: 0,
          runId: null,
          conflictingRunId: null,
          lastError: null,
        };
        requests.push(req);
      }
      await send(req);
    }
  };
  const workers = Array.from({ length: options.concurrency }, worker);

  return {
    requests,
    stats,
    async finish() {
      stopping = true;
      await Promise.all(workers);
      // Bounded: each owed retry is sent once more, and only while the server is up.
      for (let req = retries.shift(); req && options.up(); req = retries.shift()) await send(req);
      await agent.close();
    },
  };
}
