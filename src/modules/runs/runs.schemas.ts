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

export const statsSchema = z.object({
  runs: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  successRate: z.number().nullable().describe('Succeeded / ended runs'),
  durationP50Ms: z.number().nullable(),
  durationP95Ms: z.number().nullable(),
  byDay: z.array(z.object({ day: z.string(), runs: z.number(), failed: z.number() })),
  steps: z.array(z.object({ nodeId: z.string(), runs: z.number(), failures: z.number(), avgMs: z.number() })),
});
