import { z } from 'zod';

/** Node ids appear in paths, URLs and expressions (`$nodes.fetch_order.output`): keep them plain. */
export const nodeId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'Use lower-case letters, digits and _ (start with a letter, at most 63)')
  .describe('Node id, unique in the workflow');

/**
 * A step's kind: `trigger.*` starts a run (manual, webhook, schedule, email, poll);
 * `logic.*`, `code.*`, `human.*` are built in; `connector.<connector>.<action>` calls a connector.
 */
export const nodeType = z
  .string()
  .regex(/^(trigger|logic|code|human|connector)(\.[a-z][a-z0-9_-]*)+$/, 'Unknown node type format')
  .describe('Node type, e.g. trigger.webhook, logic.transform, connector.http.request');

export const retryPolicy = z
  .object({
    maxAttempts: z.number().int().min(1).max(100).default(3).describe('Attempts including the first'),
    initialDelayMs: z.number().int().min(0).max(86_400_000).default(1000),
    backoffFactor: z.number().min(1).max(10).default(2),
    maxDelayMs: z.number().int().min(0).max(86_400_000).default(300_000),
  })
  .describe('Retries with exponential back-off and jitter');

/** Who an exception task is for: a user (id or e-mail), a team, a team's managers, or a role. */
const exceptionAssignee = z.union([
  z.object({ user: z.string().min(1).max(320) }).strict(),
  z.object({ team: z.string().min(1).max(120) }).strict(),
  z.object({ managersOf: z.string().min(1).max(120) }).strict(),
  z.object({ role: z.string().min(1).max(40), team: z.string().min(1).max(120).optional() }).strict(),
]);

export const exceptionOptions = z
  .object({
    assignees: z.array(exceptionAssignee).min(1).max(20).optional().describe('Who resolves it (default: builders)'),
    runbookUrl: z.url().max(2000).optional().describe('How to fix this kind of failure'),
    title: z.string().trim().min(1).max(200).optional().describe('Task title (default: the step and its error)'),
    sla: z.string().max(20).optional().describe('Due after this long ("4h"), then escalated to escalateTo'),
    escalateTo: z.array(exceptionAssignee).max(20).optional(),
  })
  .strict();

export const workflowNode = z.object({
  id: nodeId,
  type: nodeType,
  name: z.string().trim().min(1).max(120).describe('Shown on the canvas'),
  config: z.record(z.string(), z.unknown()).default({}).describe("The step's settings, checked against its type's schema"),
  retry: retryPolicy.optional(),
  timeoutMs: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400_000)
    .optional()
    .describe('Step timeout; waiting time is not counted'),
  position: z.object({ x: z.number(), y: z.number() }).optional().describe('Canvas position'),
  notes: z.string().max(5000).optional(),
  onFailure: z
    .enum(['fail', 'task'])
    .optional()
    .describe(
      'After the last attempt: fail (default: the run fails, or takes the error edge), or task: pause the run and hand a person an exception task',
    ),
  exception: exceptionOptions.optional().describe('The exception task (onFailure: task)'),
});
export type WorkflowNode = z.infer<typeof workflowNode>;

/**
 * `default`: then; `branch`: taken when `condition` (JSONata) is true; `loop`: from a
 * `logic.loop` node into the body run once per item; `error`: taken when the source step fails
 * after its retries.
 */
export const edgeKind = z.enum(['default', 'branch', 'loop', 'error']);

export const workflowEdge = z.object({
  from: nodeId,
  to: nodeId,
  kind: edgeKind.default('default'),
  condition: z.string().trim().min(1).max(10_000).optional().describe('JSONata expression, branch edges only'),
  label: z.string().max(80).optional(),
});
export type WorkflowEdge = z.infer<typeof workflowEdge>;

export const workflowDefinition = z.object({
  schemaVersion: z.literal(1),
  nodes: z.array(workflowNode).min(1).max(500),
  edges: z.array(workflowEdge).max(2000).default([]),
  settings: z
    .object({
      timeoutMs: z
        .number()
        .int()
        .min(1)
        .max(30 * 86_400_000)
        .optional()
        .describe('Run timeout; waiting time is not counted'),
      maxConcurrentRuns: z.number().int().min(1).max(10_000).optional(),
      concurrencyKey: z.string().max(10_000).optional().describe('JSONata expression: runs with the same key run one at a time'),
    })
    .default({}),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinition>;
