// The workflow of bench:waits: a webhook (async) starts a run that waits durably until the time
// in its body, then one more step runs; the lateness of that step is what the bench measures.

export const WAITS_WEBHOOK_PATH = 'bench-waits';
/** The step after the delay: its start minus the run's deadline is the timer's lateness. */
export const AFTER_NODE = 'done';

export const WAITS_DEFINITION = {
  schemaVersion: 1,
  nodes: [
    { id: 'order', type: 'trigger.webhook', name: 'Order received', config: { path: WAITS_WEBHOOK_PATH, mode: 'async' } },
    { id: 'pause', type: 'logic.delay', name: 'Wait until the deadline', config: { until: '{{ body.until }}' } },
    {
      id: AFTER_NODE,
      type: 'logic.transform',
      name: 'Go on',
      config: { expression: '{ "n": $trigger.body.n, "order": $trigger.body.order.id }' },
    },
  ],
  edges: [
    { from: 'order', to: 'pause' },
    { from: 'pause', to: AFTER_NODE },
  ],
};
