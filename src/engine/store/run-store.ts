import type SQLite from 'better-sqlite3';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { coalesceWrites } from './coalesce.domain.ts';
import { createSqliteBatch, type SlotOf } from './sqlite-batch.ts';
import type { RunRow, StepRow, WriteOp } from './write-ops.ts';

export type { RunRow, StepRow, WriteOp } from './write-ops.ts';

type Dialect = 'sqlite' | 'postgres';

/** Every column of a run row, in one order: inserts have one statement shape. */
const RUN_COLUMNS = [
  'id',
  'workflow_id',
  'version_id',
  'status',
  'trigger_type',
  'trigger_key',
  'concurrency_key',
  'parent_run_id',
  'parent_step_id',
  'started_by',
  'next_at',
  'lease_owner',
  'lease_until',
  'cancel_requested',
  'active_ms',
  'wait_ms',
  'error_json',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
] as const satisfies readonly (keyof RunRow)[];

/** Every column of a step row. */
const STEP_COLUMNS = [
  'id',
  'run_id',
  'node_id',
  'item_key',
  'seq',
  'status',
  'attempt',
  'idempotency_key',
  'input_json',
  'output_json',
  'output_blob_id',
  'error_json',
  'state_json',
  'next_at',
  'started_at',
  'finished_at',
  'active_ms',
  'wait_ms',
] as const satisfies readonly (keyof StepRow)[];

// Both lists must name every column: a row type that gains one fails to compile here.
type Missing<T, L extends readonly unknown[]> = Exclude<keyof T, L[number]>;
const _allRunColumns: Missing<RunRow, typeof RUN_COLUMNS> extends never ? true : never = true;
const _allStepColumns: Missing<StepRow, typeof STEP_COLUMNS> extends never ? true : never = true;
void _allRunColumns;
void _allStepColumns;

const STEP_UPDATABLE = [
  'status',
  'attempt',
  'input_json',
  'output_json',
  'output_blob_id',
  'error_json',
  'state_json',
  'next_at',
  'started_at',
  'finished_at',
  'active_ms',
  'wait_ms',
  'seq',
] as const;

/**
 * The engine's durable state: runs, their steps and large outputs. Writes go through
 * `commit(ops)` — one transaction for a batch, so the group committer can fold the steps of
 * many concurrent runs into one commit. Claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL;
 * SQLite has one writer, so a plain conditional update is already exclusive.
 */
export function createRunStore(db: Kysely<Database>, dialect: Dialect, sqlite?: SQLite.Database | null) {
  const batch = sqlite ? createSqliteBatch(db, sqlite) : null;
  const fields = (names: readonly string[], slot: SlotOf) => Object.fromEntries(names.map((n) => [n, slot(n)]));

  /** The same writes as `apply`, as statements compiled once per shape (SQLite fast path). */
  function applySync(op: WriteOp): void {
    if (!batch) return;
    switch (op.kind) {
      case 'insert-run':
        batch.run('insert-run', (slot) => db.insertInto('runs').values(fields(RUN_COLUMNS, slot) as never), op.row);
        return;
      case 'update-run': {
        const cols = Object.keys(op.patch);
        batch.run(`update-run:${cols.join(',')}`, (slot) => db.updateTable('runs').set(fields(cols, slot)).where('id', '=', slot('__id')), {
          ...op.patch,
          __id: op.id,
        });
        return;
      }
      case 'upsert-step': {
        batch.run(
          'upsert-step',
          (slot) =>
            db
              .insertInto('run_steps')
              .values(fields(STEP_COLUMNS, slot) as never)
              .onConflict((oc) => oc.column('id').doUpdateSet(fields(STEP_UPDATABLE, slot))),
          op.row,
        );
        return;
      }
      case 'delete-steps':
        for (const id of op.ids) {
          batch.run('delete-step', (slot) => db.deleteFrom('run_steps').where('run_id', '=', slot('runId')).where('id', '=', slot('id')), {
            runId: op.runId,
            id,
          });
        }
        return;
      case 'insert-blob':
        batch.run('insert-blob', (slot) => db.insertInto('run_blobs').values(fields(['id', 'run_id', 'data', 'bytes'], slot) as never), {
          id: op.id,
          run_id: op.runId,
          data: op.data,
          bytes: Buffer.byteLength(op.data),
        });
        return;
      case 'release-waiting': {
        const cols = Object.keys(op.patch);
        batch.run(
          `release-waiting:${cols.join(',')}`,
          (slot) =>
            db
              .updateTable('runs')
              .set((eb) => ({
                ...fields(cols, slot),
                status: 'waiting',
                lease_owner: null,
                lease_until: null,
                next_at: eb
                  .selectFrom('run_steps')
                  .select((s) => s.fn.min('next_at').as('n'))
                  .where('run_id', '=', slot('__id'))
                  .where('status', 'in', ['waiting', 'retrying', 'running']),
              }))
              .where('id', '=', slot('__id')),
          { ...op.patch, __id: op.id },
        );
        return;
      }
      case 'wake-step':
        batch.run(
          'wake-step',
          (slot) =>
            db
              .updateTable('run_steps')
              .set({ state_json: slot('stateJson'), next_at: slot('at') })
              .where('id', '=', slot('stepId')),
          op,
        );
        batch.run(
          'wake-run',
          (slot) =>
            db
              .updateTable('runs')
              .set({ next_at: slot('at'), updated_at: slot('at') })
              .where('id', '=', slot('runId'))
              .where('status', 'in', ['waiting', 'queued']),
          op,
        );
        return;
    }
  }

  async function apply(trx: Transaction<Database> | Kysely<Database>, op: WriteOp): Promise<void> {
    switch (op.kind) {
      case 'insert-run':
        await trx.insertInto('runs').values(op.row).execute();
        return;
      case 'update-run':
        await trx.updateTable('runs').set(op.patch).where('id', '=', op.id).execute();
        return;
      case 'upsert-step': {
        const update: Partial<StepRow> = {};
        for (const key of STEP_UPDATABLE) (update as Record<string, unknown>)[key] = op.row[key];
        await trx
          .insertInto('run_steps')
          .values(op.row)
          .onConflict((oc) => oc.column('id').doUpdateSet(update))
          .execute();
        return;
      }
      case 'delete-steps':
        if (op.ids.length > 0) await trx.deleteFrom('run_steps').where('run_id', '=', op.runId).where('id', 'in', op.ids).execute();
        return;
      case 'release-waiting':
        await trx
          .updateTable('runs')
          .set((eb) => ({
            ...op.patch,
            status: 'waiting',
            lease_owner: null,
            lease_until: null,
            next_at: eb
              .selectFrom('run_steps')
              .select((s) => s.fn.min('next_at').as('n'))
              .where('run_id', '=', op.id)
              .where('status', 'in', ['waiting', 'retrying', 'running']),
          }))
          .where('id', '=', op.id)
          .execute();
        return;
      case 'wake-step':
        await trx.updateTable('run_steps').set({ state_json: op.stateJson, next_at: op.at }).where('id', '=', op.stepId).execute();
        await trx
          .updateTable('runs')
          .set({ next_at: op.at, updated_at: op.at })
          .where('id', '=', op.runId)
          .where('status', 'in', ['waiting', 'queued'])
          .execute();
        return;
      case 'insert-blob':
        await trx
          .insertInto('run_blobs')
          .values({ id: op.id, run_id: op.runId, data: op.data, bytes: Buffer.byteLength(op.data) })
          .execute();
        return;
    }
  }

  return {
    dialect,

    async commit(batchOps: readonly WriteOp[]): Promise<void> {
      if (batchOps.length === 0) return;
      const ops = coalesceWrites(batchOps);
      if (batch) {
        await batch.transaction(() => {
          for (const op of ops) applySync(op);
        });
        return;
      }
      if (ops.length === 1 && ops[0]) {
        await apply(db, ops[0]);
        return;
      }
      await db.transaction().execute(async (trx) => {
        for (const op of ops) await apply(trx, op);
      });
    },

    getVersion: (id: string) =>
      db
        .selectFrom('workflow_versions')
        .select(['id', 'workflow_id', 'version', 'definition_json'])
        .where('id', '=', id)
        .executeTakeFirst(),

    /** The published version of a workflow (sub-workflows, schedules). */
    async getPublishedVersionId(workflowId: string): Promise<string | null> {
      const row = await db.selectFrom('workflows').select('published_version_id').where('id', '=', workflowId).executeTakeFirst();
      return row?.published_version_id ?? null;
    },

    async findByTriggerKey(workflowId: string, triggerKey: string): Promise<string | null> {
      const row = await db
        .selectFrom('runs')
        .select('id')
        .where('workflow_id', '=', workflowId)
        .where('trigger_key', '=', triggerKey)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    getRun: (id: string) => db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst(),

    listSteps: (runId: string) => db.selectFrom('run_steps').selectAll().where('run_id', '=', runId).orderBy('seq').execute(),

    async getBlob(id: string): Promise<string | null> {
      const row = await db.selectFrom('run_blobs').select('data').where('id', '=', id).executeTakeFirst();
      return row?.data ?? null;
    },

    /**
     * Takes up to `limit` runs that can go on now — queued, due after a wait, or whose
     * owner's lease ran out — and leases them to `owner` until `leaseUntil`.
     */
    async claim(owner: string, now: string, leaseUntil: string, limit: number): Promise<RunRow[]> {
      // Two index-friendly searches instead of one OR: due unleased runs by (status, next_at),
      // and runs whose owner's lease ran out by lease_until.
      const due = db
        .selectFrom('runs')
        .select('id')
        .where('status', 'in', ['queued', 'waiting'])
        .where('next_at', '<=', now)
        .where('lease_owner', 'is', null)
        .orderBy('next_at')
        .limit(limit);
      const orphaned = db
        .selectFrom('runs')
        .select('id')
        .where('lease_until', '<', now)
        .where('status', 'in', ['queued', 'running', 'waiting'])
        .limit(limit);
      const take = (picked: typeof due) =>
        db
          .updateTable('runs')
          .set({ lease_owner: owner, lease_until: leaseUntil, updated_at: now })
          .where('id', 'in', dialect === 'postgres' ? picked.forUpdate().skipLocked() : picked)
          .returningAll()
          .execute();
      const first = await take(due);
      if (first.length >= limit) return first;
      return [...first, ...(await take(orphaned.limit(limit - first.length)))];
    },

    /** Claims one given run (inline execution right after it was created elsewhere, or a retry). */
    async claimOne(id: string, owner: string, now: string, leaseUntil: string): Promise<RunRow | undefined> {
      return db
        .updateTable('runs')
        .set({ lease_owner: owner, lease_until: leaseUntil, updated_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('lease_owner', 'is', null), eb('lease_until', '<', now), eb('lease_owner', '=', owner)]))
        .returningAll()
        .executeTakeFirst();
    },

    async heartbeat(owner: string, ids: string[], leaseUntil: string): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('runs').set({ lease_until: leaseUntil }).where('lease_owner', '=', owner).where('id', 'in', ids).execute();
    },

    /** The earliest moment a waiting or queued run becomes due (to arm the timer). */
    async nextDue(): Promise<string | null> {
      const row = await db
        .selectFrom('runs')
        .select((eb) => eb.fn.min('next_at').as('next'))
        .where('status', 'in', ['queued', 'waiting'])
        .where('lease_owner', 'is', null)
        .executeTakeFirst();
      return (row?.next as string | null) ?? null;
    },

    /** Runs of a workflow currently holding a slot (for per-workflow and per-key concurrency). */
    async countActive(workflowId: string, concurrencyKey: string | null): Promise<number> {
      let q = db
        .selectFrom('runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workflow_id', '=', workflowId)
        .where('status', '=', 'running');
      if (concurrencyKey !== null) q = q.where('concurrency_key', '=', concurrencyKey);
      const row = await q.executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Sets cancel_requested; the owner notices it between steps. */
    async requestCancel(id: string, now: string): Promise<void> {
      await db.updateTable('runs').set({ cancel_requested: 1, updated_at: now }).where('id', '=', id).execute();
    },

    async isCancelRequested(id: string): Promise<boolean> {
      const row = await db.selectFrom('runs').select('cancel_requested').where('id', '=', id).executeTakeFirst();
      return row?.cancel_requested === 1;
    },

    /** Children of a run that have not ended. */
    listChildren: (parentRunId: string) =>
      db.selectFrom('runs').select(['id', 'status', 'parent_step_id']).where('parent_run_id', '=', parentRunId).execute(),

    /**
     * Single-node recovery (SQLite: one process owns the database): every lease left behind
     * belongs to a process that died, so its runs are due now, not when the lease runs out.
     */
    async recoverOrphans(now: string): Promise<number> {
      const rows = await db
        .updateTable('runs')
        .set({ lease_owner: null, lease_until: null, status: 'queued', next_at: now, updated_at: now })
        .where('lease_owner', 'is not', null)
        .where('status', 'in', ['queued', 'running'])
        .returning('id')
        .execute();
      await db.updateTable('runs').set({ lease_owner: null, lease_until: null }).where('lease_owner', 'is not', null).execute();
      await db.updateTable('trigger_state').set({ lease_owner: null, lease_until: null }).where('lease_owner', 'is not', null).execute();
      return rows.length;
    },

    /** Release of all leases held by a process (clean shutdown). */
    async releaseAll(owner: string): Promise<void> {
      await db.updateTable('runs').set({ lease_owner: null, lease_until: null }).where('lease_owner', '=', owner).execute();
    },

    async now(): Promise<void> {
      await sql`select 1`.execute(db);
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
