import { z } from 'zod';
import { DATE_FORMATS } from './timestamps.domain.ts';

export const eventLogIdParam = z.object({ id: z.string().min(1).max(64).describe('Event log id') });

export const listEventLogsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** How to read an uploaded file: the same options as `symbiont audit import`. */
export const importQuery = z.object({
  name: z.string().trim().min(1).max(200).optional().describe('Name shown in lists (default: the file name)'),
  caseColumn: z.string().min(1).max(200).optional().describe('CSV column of the case id'),
  activityColumn: z.string().min(1).max(200).optional().describe('CSV column / XES attribute of the activity'),
  timestampColumn: z.string().min(1).max(200).optional().describe('CSV column / XES attribute of the timestamp'),
  resourceColumn: z.string().min(1).max(200).optional().describe('CSV column / XES attribute of the resource'),
  startTimestampColumn: z.string().min(1).max(200).optional().describe('CSV column of the start timestamp'),
  delimiter: z.string().min(1).max(2).optional().describe('CSV delimiter (detected when absent)'),
  dateFormat: z
    .enum(DATE_FORMATS as [string, ...string[]])
    .optional()
    .describe('Timestamp format (detected when absent)'),
  timezone: z.string().min(1).max(64).optional().describe('IANA time zone of timestamps without an offset (default UTC)'),
});

export const eventLogSchema = z.object({
  id: z.string(),
  name: z.string(),
  format: z.string().describe('xes or csv'),
  sourceFile: z.string(),
  numEvents: z.number(),
  numCases: z.number(),
  numActivities: z.number(),
  numVariants: z.number(),
  skippedEvents: z.number().describe('Events without case, activity or timestamp, left out (as PM4Py does)'),
  firstEventAt: z.string(),
  lastEventAt: z.string(),
  import: z.record(z.string(), z.unknown()).describe('The mapping and formats the import used'),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

/** The statistics, keyed exactly as the PM4Py oracle (docs/process-audit.md). */
export const statsSchema = z.record(z.string(), z.unknown());

const list = z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(z.string().max(500)).max(500));

/** Which cases to analyse (every criterion must hold). */
export const analysisQuery = z.object({
  eventLogId: z.string().min(1).max(64).optional().describe('An imported event log'),
  workflowId: z.string().min(1).max(64).optional().describe('Or a workflow: its runs as the log (each step an event)'),
  days: z.coerce.number().int().min(1).max(365).default(90).describe('With workflowId: runs created in the last this many days'),
  from: z.iso.datetime({ offset: true }).optional().describe('Time range start (ISO 8601)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Time range end (ISO 8601)'),
  timeMode: z.enum(['contained', 'intersecting', 'started']).default('intersecting').describe('How a case must fall in the time range'),
  variants: list.optional().describe('Comma-separated indexes of variants (most frequent first) to keep'),
  withActivities: list.optional().describe('Keep cases containing one of these activities (comma-separated)'),
  withoutActivities: list.optional().describe('Drop cases containing any of these activities (comma-separated)'),
  attribute: z.string().min(1).max(200).optional().describe('A case attribute (with attributeValues)'),
  attributeValues: list.optional().describe('Keep cases whose attribute has one of these values (comma-separated; "(none)" for empty)'),
  minDurationSeconds: z.coerce.number().min(0).optional().describe('Shortest case duration kept'),
  maxDurationSeconds: z.coerce.number().min(0).optional().describe('Longest case duration kept'),
});

export const analysisSchema = z.object({
  eventLog: z.object({ id: z.string(), name: z.string(), source: z.enum(['import', 'workflow']) }),
  cases: z.object({ total: z.number(), kept: z.number() }),
  numEvents: z.number(),
  timeRange: z.object({ from: z.string(), to: z.string() }).nullable(),
  activities: z.array(z.record(z.string(), z.unknown())),
  dfg: z.array(z.record(z.string(), z.unknown())).describe('Directly-follows edges: count, mean/median/max seconds'),
  numVariants: z.number(),
  variants: z.array(z.record(z.string(), z.unknown())).describe('The 200 most frequent'),
  caseDuration: z.record(z.string(), z.unknown()).nullable(),
  caseDurationHistogram: z.array(z.record(z.string(), z.unknown())),
  caseArrivalAverageSeconds: z.number(),
  resources: z.array(z.record(z.string(), z.unknown())),
  handovers: z.array(z.record(z.string(), z.unknown())),
  heuristics: z.record(z.string(), z.unknown()).describe("The heuristics miner's dependencies and kept edges"),
  candidates: z.array(z.record(z.string(), z.unknown())).describe('Activities ranked as automation candidates (docs/process-audit.md)'),
  caseAttributes: z
    .array(z.object({ name: z.string(), values: z.array(z.object({ value: z.string(), cases: z.number() })) }))
    .describe("The log's case attributes with their most frequent values (for the attribute filter)"),
});

const id = z.string().min(1).max(64);

/** Before (an imported log, usually) and after (the workflow that automated it, usually). */
export const compareQuery = z.object({
  beforeEventLogId: id.optional(),
  beforeWorkflowId: id.optional(),
  afterEventLogId: id.optional(),
  afterWorkflowId: id.optional(),
  days: z.coerce.number().int().min(1).max(365).default(90).describe("A workflow's runs of the last this many days"),
  hourlyCost: z.coerce.number().min(0).max(10_000).default(40).describe('Cost of an hour of a person'),
  minutesPerPeopleStep: z.coerce.number().min(0).max(1440).default(10).describe('Minutes of work per step done by a person'),
});

const figures = z.object({
  cases: z.number(),
  throughputMedianSeconds: z.number().nullable(),
  throughputMeanSeconds: z.number().nullable(),
  waitingMeanSeconds: z.number().nullable(),
  reworkShare: z.number().nullable(),
  peopleStepsPerCase: z.number().nullable(),
  costPerCase: z.number().nullable(),
});

export const compareSchema = z.object({
  before: figures.extend({ name: z.string(), source: z.enum(['import', 'workflow']) }),
  after: figures.extend({ name: z.string(), source: z.enum(['import', 'workflow']) }),
  change: z.record(z.string(), z.number().nullable()).describe('after ÷ before − 1 per figure'),
  cost: z.object({ hourlyCost: z.number(), minutesPerPeopleStep: z.number() }),
});

export const dottedQuery = analysisQuery.extend({
  maxCases: z.coerce.number().int().min(10).max(2000).default(300).describe('Cases shown at most (sampled evenly beyond)'),
});

export const dottedSchema = z.object({
  activities: z.array(z.string()),
  cases: z.array(z.string()),
  points: z.array(z.tuple([z.number(), z.number(), z.number()])).describe('[row, time ms, activity index]'),
  totalCases: z.number(),
});
