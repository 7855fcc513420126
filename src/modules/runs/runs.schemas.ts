import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';

export const RUN_STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'] as const;

export const runIdParam = z.object({ id: z.string().min(1).max(64).describe('Run id') });

export const listRunsQuery = z.object({
  workflowId: z.string().max(64).optional().describe('Only runs of this workflow'),
  status: z.enum(RUN_STATUSES).optional().describe('Only runs with this status'),
  ...pageQuery,
});

export const runErrorSchema = z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional() }).passthrough().nullable();

export const runSummarySchema = z.object({
  id: z.string().describe('Run id'),
  workflowId: z.string(),
  workflowName: z.string(),
  version: z.number().describe('Version number the run is pinned to (0: a draft test run)'),
  status: z.string().describe('queued, running, waiting, succeeded, failed or cancelled'),
  triggerType: z.string().describe('manual, webhook, schedule, subworkflow, …'),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable().describe('Wall time from start to end'),
  activeMs: z.number().describe('Time spent working (waiting excluded)'),
  error: runErrorSchema.describe('Why it failed'),
});

export const stepViewSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  itemKey: z.string().describe("'' outside loops; loop item scope otherwise"),
  seq: z.number(),
  status: z.string(),
  attempt: z.number(),
  input: z.unknown(),
  output: z.unknown(),
  error: z.unknown(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  activeMs: z.number(),
  nextAt: z.string().nullable().describe('When a waiting or retrying step is due'),
});

export const runDetailSchema = runSummarySchema.extend({
  definition: z.record(z.string(), z.unknown()).describe('The definition of the pinned version'),
  steps: z.array(stepViewSchema),
  parentRunId: z.string().nullable(),
});

export const rerunBody = z.object({
  fromNodeId: z.string().min(1).max(63).describe('The step to start again from'),
  input: z.unknown().optional().describe('Edited input for that step (its recorded input when omitted)'),
});

export const statsQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(90).describe('The period: runs created in the last this many days'),
});

const timeFigure = z
  .object({
    totalMs: z.number().describe('Summed over the runs'),
    p50Ms: z.number().nullable().describe('Median per run (nearest rank)'),
    p95Ms: z.number().nullable().describe('95th percentile per run (nearest rank)'),
  })
  .describe('One kind of time over the ended runs');

export const statsSchema = z.object({
  days: z.number().describe('The period, days'),
  since: z.string().describe('Start of the period, ISO 8601'),
  truncated: z.boolean().describe('More runs or steps than the statistics read (50,000 runs, 250,000 steps; the newest count)'),
  runs: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  successRate: z.number().nullable().describe('Succeeded / ended runs'),
  durationP50Ms: z.number().nullable(),
  durationP95Ms: z.number().nullable(),
  byDay: z.array(z.object({ day: z.string(), runs: z.number(), failed: z.number() })),
  time: z
    .object({
      runs: z.number().describe('Ended (succeeded or failed) runs the times are taken from'),
      working: timeFigure.describe('Time steps spent working (capped at the duration)'),
      waiting: timeFigure.describe('Duration minus working time'),
      machineWait: timeFigure.describe('Waiting for delays, retry back-offs, rate limits, sub-workflows and the engine'),
      humanWait: timeFigure.describe('Waiting in steps of the human category (approvals, forms, tasks)'),
    })
    .describe('Where the time of ended runs went (docs/workflows.md#runs-as-data)'),
  steps: z.array(
    z.object({
      nodeId: z.string(),
      name: z.string().describe('Step name in the newest version that has it'),
      type: z.string().nullable().describe('Step type'),
      category: z.string().nullable().describe('trigger, logic, code, human or connector'),
      executions: z.number().describe('Step executions (once per loop item)'),
      failures: z.number(),
      retries: z.number().describe('Attempts after the first, summed'),
      durationP50Ms: z.number().nullable().describe('Median start-to-finish time of an execution'),
      durationP95Ms: z.number().nullable(),
      avgWorkMs: z.number().nullable().describe('Mean working time of an execution'),
      waitingMs: z.number().describe('Time executions spent not working, summed'),
    }),
  ),
});
