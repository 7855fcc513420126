import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';

/** A signal for one waiting step. */
export interface SignalInput {
  runId: string;
  nodeId: string;
  /** '' outside loops (default), else the loop item's scope, e.g. `lines:3`. */
  itemKey?: string;
  /** Unique per run: the same id delivered twice is recognised as a duplicate. */
  signalId: string;
  /** Recorded in the step's resume state as `signal.payload` (JSON, kept small). */
  payload: unknown;
}

/**
 * - `delivered`: recorded; the run is due now and the step resumes with the payload;
 * - `duplicate`: this signal id was delivered before; nothing changed;
 * - `not-ready`: the run is being driven right now (or the step has not parked yet); nothing
 *   changed — deliver it again shortly.
 */
export type SignalOutcome = 'delivered' | 'duplicate' | 'not-ready';

/** What a resumed step finds in `ctx.resumeState.signal`. */
export interface StepSignal {
  id: string;
  payload: unknown;
  at: string;
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The signal a step was resumed with, if any (`ctx.resumeState` of a step that waited). */
export function signalOf(resumeState: unknown): StepSignal | null {
  if (!isObject(resumeState) || !isObject(resumeState.signal)) return null;
  const s = resumeState.signal;
  return typeof s.id === 'string' ? { id: s.id, payload: s.payload ?? null, at: String(s.at ?? '') } : null;
}

const stepNotWaiting = (input: SignalInput, status: string, why: string) =>
  new AppError('STEP_NOT_WAITING', {
    status: 409,
    userMessage: `Step "${input.nodeId}" of run ${input.runId} does not wait for a signal (${why}).`,
    details: { runId: input.runId, nodeId: input.nodeId, itemKey: input.itemKey ?? '', status },
  });

/**
 * Delivers signals to waiting steps. A waiting step costs one row and nothing in memory; a
 * signal records its payload in the step's resume state, makes step and run due now and keeps
 * the signal id — all in one transaction. Only a parked run (status `waiting`, no lease) takes
 * a signal: its row is locked (`FOR UPDATE` on PostgreSQL; SQLite has one writer), so no
 * driver can claim it half-way, and whichever worker claims it next resumes the step.
 */
export function createSignalStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres') {
  async function deliverIn(trx: Kysely<Database>, input: SignalInput, now: string): Promise<SignalOutcome> {
    const itemKey = input.itemKey ?? '';
    const seen = await trx
      .selectFrom('run_signals')
      .select('step_id')
      .where('run_id', '=', input.runId)
      .where('signal_id', '=', input.signalId)
      .executeTakeFirst();
    if (seen) return 'duplicate';
    let runQuery = trx.selectFrom('runs').select(['status', 'lease_owner']).where('id', '=', input.runId);
    if (dialect === 'postgres') runQuery = runQuery.forUpdate();
    const run = await runQuery.executeTakeFirst();
    if (!run) throw notFound('Run', input.runId);
    if (FINISHED.has(run.status)) {
      throw new AppError('RUN_FINISHED', {
        status: 409,
        userMessage: `The run already ended (${run.status}); it waits for nothing.`,
        details: { runId: input.runId, status: run.status },
      });
    }
    if (run.status !== 'waiting' || run.lease_owner !== null) return 'not-ready';
    const step = await trx
      .selectFrom('run_steps')
      .select(['id', 'status', 'state_json'])
      .where('run_id', '=', input.runId)
      .where('node_id', '=', input.nodeId)
      .where('item_key', '=', itemKey)
      .executeTakeFirst();
    if (!step) {
      // Not started yet, or no such step at all: a signal to a node the run does not have would be retried forever.
      const version = await trx
        .selectFrom('runs')
        .innerJoin('workflow_versions', 'workflow_versions.id', 'runs.version_id')
        .select('workflow_versions.definition_json')
        .where('runs.id', '=', input.runId)
        .executeTakeFirst();
      const nodes = version ? ((JSON.parse(version.definition_json) as { nodes?: { id: string }[] }).nodes ?? []) : [];
      if (!nodes.some((n) => n.id === input.nodeId)) throw notFound('Step', input.nodeId);
      return 'not-ready';
    }
    if (step.status === 'running' || step.status === 'retrying') return 'not-ready';
    if (step.status !== 'waiting') throw stepNotWaiting(input, step.status, `it is ${step.status}`);
    const state = step.state_json ? (JSON.parse(step.state_json) as Record<string, unknown>) : {};
    const resume = isObject(state.resume) ? state.resume : { value: state.resume ?? null };
    const pending = signalOf(resume);
    if (pending) {
      if (pending.id === input.signalId) return 'duplicate';
      throw stepNotWaiting(input, step.status, 'another signal already resumes it');
    }
    const next = { ...state, resume: { ...resume, signal: { id: input.signalId, payload: input.payload ?? null, at: now } } };
    await trx
      .updateTable('run_steps')
      .set({ state_json: JSON.stringify(next), next_at: now })
      .where('id', '=', step.id)
      .execute();
    await trx.updateTable('runs').set({ next_at: now, updated_at: now }).where('id', '=', input.runId).execute();
    await trx
      .insertInto('run_signals')
      .values({
        run_id: input.runId,
        signal_id: input.signalId,
        step_id: step.id,
        node_id: input.nodeId,
        item_key: itemKey,
        payload_json: JSON.stringify(input.payload ?? null),
        received_at: now,
      })
      .execute();
    return 'delivered';
  }

  return {
    /** Delivers `input` inside the caller's transaction (commit it, then poke the engine). */
    deliverIn,
    /** Delivers `input` in a transaction of its own. */
    deliver: (input: SignalInput, now: string) => db.transaction().execute((trx) => deliverIn(trx, input, now)),
  };
}

export type SignalStore = ReturnType<typeof createSignalStore>;
