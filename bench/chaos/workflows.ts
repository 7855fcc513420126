// The two workflows the chaos bench keeps busy while it kills the server: W1 (bench/w1, a
// synchronous webhook answered by a Respond step) and W5, five steps with a durable delay and a
// side effect whose every execution the bench's receipt sink counts.
import { SYMBIONT_W1_EXPRESSION } from '../w1/workload.ts';

export const W5_WEBHOOK_PATH = 'bench-chaos-w5';
/** The node of W5 whose executions the sink counts. */
export const RECEIPT_NODE = 'receipt';

/**
 * W5: webhook (async, de-duplicated by the `Idempotency-Key` header) → summarise the order
 * (W1's JSONata) → wait 1 s durably → build a receipt → POST it to the sink (Symbiont's HTTP
 * connector sends the step's idempotency key `<run id>:receipt`; the sink answers with a
 * receipt number, which the step's committed output keeps).
 */
export function w5Definition(sinkUrl: string) {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'order',
        type: 'trigger.webhook',
        name: 'Order received',
        config: { path: W5_WEBHOOK_PATH, mode: 'async', idempotencyHeader: 'Idempotency-Key' },
      },
      { id: 'summary', type: 'logic.transform', name: 'Summarise', config: { expression: SYMBIONT_W1_EXPRESSION } },
      { id: 'pause', type: 'logic.delay', name: 'Wait 1 s', config: { for: '1s' } },
      {
        id: 'receipt_body',
        type: 'logic.transform',
        name: 'Receipt body',
        config: { expression: '{ "order": order, "total": total, "runId": $run.id }' },
      },
      {
        id: RECEIPT_NODE,
        type: 'connector.http.request',
        name: 'Record receipt',
        config: { method: 'POST', url: sinkUrl, body: { type: 'json', json: '{{ $ }}' }, timeoutMs: 10_000 },
      },
    ],
    edges: [
      { from: 'order', to: 'summary' },
      { from: 'summary', to: 'pause' },
      { from: 'pause', to: 'receipt_body' },
      { from: 'receipt_body', to: RECEIPT_NODE },
    ],
  };
}
