import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { auditStats } from './audit-stats.domain.ts';
import { compareProcesses, DEFAULT_COST, processFigures } from './compare.domain.ts';
import { dottedChart } from './dotted-chart.domain.ts';
import {
  analysisQuery,
  analysisSchema,
  compareQuery,
  compareSchema,
  dottedQuery,
  dottedSchema,
  eventLogIdParam,
  eventLogSchema,
  importQuery,
  listEventLogsQuery,
  statsSchema,
} from './event-logs.schemas.ts';
import type { EventLogsService } from './event-logs.service.ts';
import { analyseLog } from './log-analysis.domain.ts';
import { type CaseFilter, filterCases, selectCases } from './log-filter.domain.ts';
import { analyseProcess } from './process-analysis.domain.ts';

/** The case filter of an analysis query (every criterion given must hold). */
function caseFilterOf(q: z.infer<typeof analysisQuery>): CaseFilter {
  const filter: CaseFilter = {};
  if (q.from || q.to) {
    filter.timeRange = {
      from: q.from ? Date.parse(q.from) : Number.NEGATIVE_INFINITY,
      to: q.to ? Date.parse(q.to) : Number.POSITIVE_INFINITY,
      mode: q.timeMode,
    };
  }
  if (q.variants) filter.variants = q.variants.map(Number).filter((n) => Number.isInteger(n) && n >= 0);
  if (q.withActivities) filter.withActivities = q.withActivities;
  if (q.attribute && q.attributeValues) {
    filter.attribute = { name: q.attribute, values: q.attributeValues.map((v) => (v === '(none)' ? '' : v)) };
  }
  if (q.withoutActivities) filter.withoutActivities = q.withoutActivities;
  if (q.minDurationSeconds !== undefined || q.maxDurationSeconds !== undefined) {
    filter.duration = {
      ...(q.minDurationSeconds === undefined ? {} : { min: q.minDurationSeconds }),
      ...(q.maxDurationSeconds === undefined ? {} : { max: q.maxDurationSeconds }),
    };
  }
  return filter;
}

/** One process to mine: an imported log or a workflow's runs (exactly one must be named). */
async function loadSource(
  eventLogs: EventLogsService,
  actor: Actor,
  ids: { eventLogId?: string | undefined; workflowId?: string | undefined },
  days: number,
  path: string,
) {
  if (!ids.eventLogId === !ids.workflowId) {
    throw new AppError('VALIDATION_FAILED', {
      status: 400,
      userMessage: 'Name one event log or one workflow.',
      details: { issues: [{ in: 'querystring', path, message: 'Give an event log id or a workflow id, not both' }] },
    });
  }
  if (ids.workflowId)
    return { ...(await eventLogs.workflowRuns(actor, ids.workflowId, days)), id: ids.workflowId, kind: 'workflow' as const };
  const view = await eventLogs.get(actor, ids.eventLogId as string);
  return { id: view.id, name: view.name, log: await eventLogs.load(actor, view.id), kind: 'import' as const };
}

/** Largest event-log upload (a 5-million-event XES file is about 900 MB; gzip it). */
export const MAX_EVENT_LOG_BYTES = 1024 * 1024 * 1024;
const LOG_NAME = /\.(xes|csv|tsv|txt)(\.gz)?$/i;

/**
 * Event logs: upload (multipart, one file; the format from its name), list, show, delete, and
 * the statistics of a stored log. The upload is streamed to a temporary file, imported in one
 * transaction (a failed import stores nothing), and the file removed.
 */
export async function eventLogsRoutes(app: FastifyInstance, deps: { eventLogs: EventLogsService }): Promise<void> {
  await app.register(multipart, { limits: { files: 1, fields: 0, parts: 1, fileSize: MAX_EVENT_LOG_BYTES } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['process audit'];

  r.get(
    '/api/v1/event-logs',
    {
      schema: {
        tags,
        summary: 'Imported event logs, newest first',
        querystring: listEventLogsQuery,
        response: responses({ 200: pageSchema(eventLogSchema) }),
      },
    },
    async (request) => deps.eventLogs.list(actorOf(request), request.query),
  );
  r.post(
    '/api/v1/event-logs',
    {
      schema: {
        tags,
        summary: 'Import an event log: one file (.xes, .xes.gz, .csv, .csv.gz) as multipart/form-data; the column mapping in the query',
        querystring: importQuery,
        consumes: ['multipart/form-data'],
        response: responses({ 201: eventLogSchema }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      let part: Awaited<ReturnType<typeof request.file>>;
      try {
        part = await request.file();
      } catch (error) {
        throw new AppError('UPLOAD_INVALID', {
          status: 400,
          userMessage: 'Send the event log as multipart/form-data, one file.',
          cause: error,
        });
      }
      if (!part) throw new AppError('UPLOAD_INVALID', { status: 400, userMessage: 'Send the event log as multipart/form-data, one file.' });
      const original = path.basename(part.filename || 'upload');
      const suffix = LOG_NAME.exec(original)?.[0];
      if (!suffix) {
        part.file.resume();
        throw new AppError('EVENT_LOG_FORMAT_UNKNOWN', {
          status: 400,
          userMessage: `Cannot tell the format of "${original}": name it .xes, .xes.gz, .csv or .csv.gz.`,
          details: { file: original },
        });
      }
      const dir = await mkdtemp(path.join(tmpdir(), 'symbiont-upload-'));
      const file = path.join(dir, `${randomBytes(8).toString('hex')}${suffix.toLowerCase()}`);
      try {
        await pipeline(part.file, createWriteStream(file));
        if (part.file.truncated) {
          throw new AppError('FILE_TOO_LARGE', {
            status: 413,
            userMessage: `The event log is larger than ${MAX_EVENT_LOG_BYTES / 1024 / 1024} MB; gzip it (.xes.gz, .csv.gz) or import it with the CLI.`,
          });
        }
        const { name, ...options } = request.query;
        const view = await deps.eventLogs.importFile(actor, file, {
          ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as typeof options),
          name: name ?? original,
          sourceFile: original,
        } as Parameters<EventLogsService['importFile']>[2]);
        return reply.status(201).send(view);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
  r.get(
    '/api/v1/event-logs/:id',
    { schema: { tags, summary: 'An imported event log', params: eventLogIdParam, response: responses({ 200: eventLogSchema }) } },
    async (request) => deps.eventLogs.get(actorOf(request), request.params.id),
  );
  r.delete(
    '/api/v1/event-logs/:id',
    { schema: { tags, summary: 'Delete an event log', params: eventLogIdParam, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      await deps.eventLogs.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/v1/event-logs/:id/stats',
    {
      schema: {
        tags,
        summary: "A stored log's statistics, with the keys of `symbiont audit stats --json` (the PM4Py oracle's)",
        params: eventLogIdParam,
        response: responses({ 200: statsSchema }),
      },
    },
    async (request) => {
      const log = await deps.eventLogs.load(actorOf(request), request.params.id);
      return auditStats(log, analyseLog(log)) as unknown as Record<string, unknown>;
    },
  );
  r.get(
    '/api/v1/process-analyses',
    {
      schema: {
        tags,
        summary:
          'Mine an event log (optionally filtered): process map with frequency and performance, variants, durations, rework, resources, hand-overs, heuristics net, automation candidates',
        querystring: analysisQuery,
        response: responses({ 200: analysisSchema }),
      },
    },
    async (request) => {
      const q = request.query;
      const actor = actorOf(request);
      const source = await loadSource(deps.eventLogs, actor, q, q.days, 'eventLogId');
      const filter = caseFilterOf(q);
      const analysis = analyseProcess(source.log, filter);
      return { eventLog: { id: source.id, name: source.name, source: source.kind }, ...analysis } as never;
    },
  );
  r.get(
    '/api/v1/process-analyses/compare',
    {
      schema: {
        tags,
        summary:
          'Before and after: throughput, waiting, rework and cost per case of two processes (a log before automation, the workflow that automated it)',
        querystring: compareQuery,
        response: responses({ 200: compareSchema }),
      },
    },
    async (request) => {
      const q = request.query;
      const actor = actorOf(request);
      const cost = { ...DEFAULT_COST, hourlyCost: q.hourlyCost, minutesPerPeopleStep: q.minutesPerPeopleStep };
      const before = await loadSource(
        deps.eventLogs,
        actor,
        { eventLogId: q.beforeEventLogId, workflowId: q.beforeWorkflowId },
        q.days,
        'beforeEventLogId',
      );
      const after = await loadSource(
        deps.eventLogs,
        actor,
        { eventLogId: q.afterEventLogId, workflowId: q.afterWorkflowId },
        q.days,
        'afterEventLogId',
      );
      const result = compareProcesses(processFigures(before.log, cost), processFigures(after.log, cost));
      return {
        before: { ...result.before, name: before.name, source: before.kind },
        after: { ...result.after, name: after.name, source: after.kind },
        change: result.change,
        cost: { hourlyCost: cost.hourlyCost, minutesPerPeopleStep: cost.minutesPerPeopleStep },
      };
    },
  );
  r.get(
    '/api/v1/process-analyses/dotted-chart',
    {
      schema: {
        tags,
        summary: 'The dotted chart of a log or a workflow’s runs: a row per case, a dot per event (cases sampled evenly beyond maxCases)',
        querystring: dottedQuery,
        response: responses({ 200: dottedSchema }),
      },
    },
    async (request) => {
      const q = request.query;
      const source = await loadSource(deps.eventLogs, actorOf(request), q, q.days, 'eventLogId');
      const filter = caseFilterOf(q);
      const log =
        Object.keys(filter).length === 0 ? source.log : filterCases(source.log, selectCases(source.log, analyseLog(source.log), filter));
      return dottedChart(log, q.maxCases);
    },
  );
}
