import path from 'node:path';
import { z } from 'zod';
import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import type { EventLog } from './event-log.domain.ts';
import { EventLogBuilder } from './event-log.domain.ts';
import { decodeEventLog, encodeEventLog } from './event-log-codec.domain.ts';
import { type EventLogFormat, importEventLog } from './event-log-import.ts';
import type { ImportOptions } from './event-log-source.ts';
import { createEventLogsRepository, type EventLogRow } from './event-logs.repository.ts';
import { analyseLog } from './log-analysis.domain.ts';
import { createRunHistoryRepository } from './run-history.repository.ts';

export interface EventLogsDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
}

/** What an imported log looks like to its readers (the events themselves come from `load`). */
export interface EventLogView {
  id: string;
  name: string;
  format: string;
  sourceFile: string;
  numEvents: number;
  numCases: number;
  numActivities: number;
  numVariants: number;
  skippedEvents: number;
  firstEventAt: string;
  lastEventAt: string;
  /** The column mapping, delimiter, date format and time zone the import used. */
  import: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
}

const toView = (row: EventLogRow): EventLogView => ({
  id: row.id,
  name: row.name,
  format: row.format,
  sourceFile: row.source_file,
  numEvents: row.num_events,
  numCases: row.num_cases,
  numActivities: row.num_activities,
  numVariants: row.num_variants,
  skippedEvents: row.skipped_events,
  firstEventAt: row.first_event_at,
  lastEventAt: row.last_event_at,
  import: JSON.parse(row.import_json) as Record<string, unknown>,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

const listCursor = z.object({ createdAt: z.string(), id: z.string() });

/** A workflow's run history as a log reads at most this many step rows (the oldest runs of the period first). */
export const RUN_HISTORY_MAX_STEPS = 1_000_000;

/** Imported event logs: read a file once, store it columnar, load it back for mining. */
export function createEventLogsService(deps: EventLogsDeps) {
  const repo = createEventLogsRepository(deps.db);
  const history = createRunHistoryRepository(deps.db);

  return {
    /**
     * Reads a CSV or XES file and stores it. Everything is read and checked before anything is
     * written, and the rows go in one transaction: a failed import leaves nothing behind.
     */
    async importFile(
      actor: Actor,
      file: string,
      options: Omit<ImportOptions, 'onProgress'> & {
        name?: string;
        /** The name of the file as the user had it (an upload is read from a temporary copy). */
        sourceFile?: string;
        format?: EventLogFormat;
        onProgress?: ImportOptions['onProgress'];
      } = {},
    ): Promise<EventLogView> {
      authorize(actor, 'event_logs.manage');
      const { name, sourceFile, ...importOptions } = options;
      const result = await importEventLog(file, importOptions);
      const analysis = analyseLog(result.log);
      const range = analysis.timeRange as { from: number; to: number };
      const settings = {
        caseColumn: options.caseColumn ?? null,
        activityColumn: options.activityColumn ?? null,
        timestampColumn: options.timestampColumn ?? null,
        resourceColumn: options.resourceColumn ?? null,
        startTimestampColumn: options.startTimestampColumn ?? null,
        delimiter: result.delimiter ?? null,
        dateFormat: result.dateFormat ?? (result.format === 'xes' ? 'iso' : null),
        timezone: options.timezone ?? 'UTC',
      };
      const row: EventLogRow = {
        id: newId(),
        name: name?.trim() || sourceFile || path.basename(file),
        format: result.format,
        source_file: sourceFile ?? path.basename(file),
        num_events: analysis.numEvents,
        num_cases: analysis.numCases,
        num_activities: result.log.activities.length,
        num_variants: analysis.variants.length,
        skipped_events: result.skipped.count,
        first_event_at: new Date(range.from).toISOString(),
        last_event_at: new Date(range.to).toISOString(),
        import_json: JSON.stringify(settings),
        created_by: actor.userId,
        created_at: deps.clock.now().toISOString(),
      };
      await deps.db.transaction().execute(async (trx) => {
        await repo.insert(row, encodeEventLog(result.log), trx);
        await deps.audit.record(trx, actor, {
          action: 'event_log.import',
          objectType: 'event_log',
          objectId: row.id,
          after: { ...toView(row), import: settings },
        });
      });
      return toView(row);
    },

    async get(actor: Actor, id: string): Promise<EventLogView> {
      authorize(actor, 'event_logs.read');
      const row = await repo.findById(id);
      if (!row) throw notFound('Event log', id);
      return toView(row);
    },

    /** Newest first. */
    async list(actor: Actor, query: { limit: number; cursor?: string | undefined }) {
      authorize(actor, 'event_logs.read');
      const rows = await repo.list(query.limit + 1, decodeCursor(query.cursor, listCursor));
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toView),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },

    /** The stored events as the columnar log the mining functions take. */
    async load(actor: Actor, id: string): Promise<EventLog> {
      authorize(actor, 'event_logs.read');
      if (!(await repo.findById(id))) throw notFound('Event log', id);
      return decodeEventLog(await repo.columns(id));
    },

    /**
     * A workflow's runs as an event log, without an import: each run a case, each finished step
     * an event (activity = the step's name, time = when it finished, start time = when it
     * started, resource = the person who closed its task — an approval, a form, an exception —
     * or "Symbiont" for the machine's steps). Runs created in the last `days` days.
     */
    async workflowRuns(actor: Actor, workflowId: string, days = 90): Promise<{ name: string; log: EventLog }> {
      authorize(actor, 'event_logs.read');
      authorize(actor, 'workflows.read');
      const workflow = await history.workflow(workflowId);
      if (!workflow) throw notFound('Workflow', workflowId);
      const names = new Map<string, string>();
      for (const v of await history.versions(workflowId)) {
        const nodes = (JSON.parse(v.definition_json) as { nodes?: { id: string; name?: string }[] }).nodes ?? [];
        for (const n of nodes) if (!names.has(n.id)) names.set(n.id, n.name || n.id);
      }
      const since = new Date(deps.clock.now().getTime() - days * 86_400_000).toISOString();
      const builder = new EventLogBuilder();
      for (const s of await history.steps(workflowId, since, RUN_HISTORY_MAX_STEPS)) {
        const finished = Date.parse(s.finished_at as string);
        const started = s.started_at ? Date.parse(s.started_at) : Number.NaN;
        builder.add(s.run_id, names.get(s.node_id) ?? s.node_id, finished, s.person ?? 'Symbiont', started);
      }
      return { name: workflow.name, log: builder.build() };
    },

    async delete(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'event_logs.manage');
      await deps.db.transaction().execute(async (trx) => {
        const row = await repo.findById(id, trx);
        if (!row) throw notFound('Event log', id);
        await repo.delete(id, trx);
        await deps.audit.record(trx, actor, { action: 'event_log.delete', objectType: 'event_log', objectId: id, before: toView(row) });
      });
    },
  };
}

export type EventLogsService = ReturnType<typeof createEventLogsService>;
