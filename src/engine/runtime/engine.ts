import { hostname } from 'node:os';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import { workflowDefinition } from '../definition/workflow-definition.schemas.ts';
import type { ExpressionEngine } from '../expressions/expressions.ts';
import type { StepLog, StepRegistry } from '../steps/step-type.ts';
import { createGroupCommitter } from '../store/group-commit.ts';
import type { RunRow, RunStore, StepRow, WriteOp } from '../store/run-store.ts';
import type { SignalInput, SignalOutcome, SignalStore } from '../store/signal-store.ts';
import type { StepException } from './exceptions.ts';
import { compileGraph, type RunGraph } from './graph.domain.ts';
import { type DriveOutcome, driveRun, type WebhookResponse } from './run-driver.ts';
import { encodeValue, type LiveStep } from './run-state.ts';

export interface EngineOptions {
  store: RunStore;
  registry: StepRegistry;
  expressions: ExpressionEngine;
  clock: Clock;
  log: StepLog;
  random?: () => number;
  resolveCredential?: (id: string, type?: string) => Promise<Record<string, unknown>>;
  /** Runs driven at once by this process (default 64). */
  maxActive?: number;
  /** How often to look for due work, ms (default 250). */
  pollMs?: number;
  /** Lease length, ms (default 8000; renewed every third of it). */
  leaseMs?: number;
  /**
   * One process owns the database (SQLite): on start, runs leased by a dead process are
   * taken over at once instead of when their lease runs out.
   */
  singleNode?: boolean;
  /** Observes every executed step (tests count side effects with it). */
  onStepDone?: (run: RunRow, step: StepRow) => void;
  /** Called after a run ended (committed). */
  onRunFinished?: (run: RunRow, output: unknown) => void;
  /** Delivers external signals to waiting steps (`engine.signal`). */
  signals?: SignalStore;
  /** Opens an exception task for a step with `onFailure: "task"` that failed for good (the tasks module). */
  onException?: (exception: StepException) => Promise<void>;
}

export interface StartRunInput {
  workflowId: string;
  versionId: string;
  triggerType: string;
  /** The trigger's output: the run's input data. */
  data: unknown;
  /** De-duplication key (webhook idempotency key, poll item); a second start returns the first run. */
  triggerKey?: string | null;
  startedBy?: string | null;
  parent?: { runId: string; stepId: string };
  /** Drive it in this process right away (webhooks, manual runs) rather than through the queue. */
  inline?: boolean;
  /** Wait for a Respond step (synchronous webhooks). */
  awaitResponse?: boolean;
}

export interface StartedRun {
  runId: string;
  duplicate: boolean;
  /** Synchronous webhooks: the answer (a Respond step's, or one made from how the run ended). */
  response: Promise<WebhookResponse> | null;
}

/**
 * The durable workflow runtime: starts runs, claims due work with leases (any number of
 * processes on PostgreSQL), renews leases while it drives runs, wakes timers, and takes over
 * runs whose owner died once their lease has run out.
 */
export function createEngine(options: EngineOptions) {
  const { store, registry, expressions, clock } = options;
  const owner = `${hostname()}:${process.pid}:${randomToken(4)}`;
  const committer = createGroupCommitter(store);
  const maxActive = options.maxActive ?? 64;
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 8000;
  const graphs = new Map<string, { graph: RunGraph; workflowId: string }>();
  const active = new Map<string, { abort: AbortController; done: Promise<DriveOutcome | undefined> }>();
  const responders = new Map<string, (r: WebhookResponse) => void>();
  let running = false;
  let stopping = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let heartbeatTimer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  let pokeRequested = false;

  const iso = (ms = 0) => new Date(clock.now().getTime() + ms).toISOString();
  const signalStore = (): SignalStore => {
    if (!options.signals) throw new Error('createEngine: no signal store configured (options.signals)');
    return options.signals;
  };

  async function graphOf(versionId: string): Promise<{ graph: RunGraph; workflowId: string }> {
    const hit = graphs.get(versionId);
    if (hit) return hit;
    const version = await store.getVersion(versionId);
    if (!version) throw notFound('Workflow version', versionId);
    const compiled = {
      graph: compileGraph(workflowDefinition.parse(JSON.parse(version.definition_json))),
      workflowId: version.workflow_id,
    };
    graphs.set(versionId, compiled);
    return compiled;
  }

  function answer(runId: string, response: WebhookResponse): void {
    const resolve = responders.get(runId);
    if (!resolve) return;
    responders.delete(runId);
    resolve(response);
  }

  const deps = {
    store,
    committer,
    registry,
    expressions,
    clock,
    random: options.random ?? Math.random,
    log: options.log,
    resolveCredential:
      options.resolveCredential ??
      (async () => {
        throw new AppError('NOT_FOUND', { status: 404, userMessage: 'Credentials are not available here.' });
      }),
    startChild: async (parent: { runId: string; stepId: string }, workflowId: string, input: unknown) => {
      const versionId = await store.getPublishedVersionId(workflowId);
      if (!versionId) {
        throw new AppError('WORKFLOW_NOT_PUBLISHED', {
          status: 409,
          userMessage: `Workflow ${workflowId} has no published version.`,
          retryable: false,
        });
      }
      const started = await startRun({ workflowId, versionId, triggerType: 'subworkflow', data: input, parent });
      return started.runId;
    },
    respond: answer,
    onFinished: (run: RunRow, output: unknown) => {
      if (run.status === 'succeeded') answer(run.id, { status: 200, headers: {}, body: output });
      else
        answer(run.id, {
          status: 500,
          headers: {},
          body: { error: { code: 'RUN_FAILED', message: `The run ended ${run.status}.`, runId: run.id } },
        });
      options.onRunFinished?.(run, output);
    },
    onStepDone: options.onStepDone,
    openException: options.onException,
  };

  async function admit(run: RunRow, graph: RunGraph): Promise<boolean> {
    const settings = graph.definition.settings;
    if (settings.maxConcurrentRuns === undefined && !run.concurrency_key) return true;
    if (settings.maxConcurrentRuns !== undefined && (await store.countActive(run.workflow_id, null)) >= settings.maxConcurrentRuns)
      return false;
    if (run.concurrency_key && (await store.countActive(run.workflow_id, run.concurrency_key)) >= 1) return false;
    return true;
  }

  function drive(run: RunRow, fresh?: LiveStep[], queued?: Promise<void>): void {
    const abort = new AbortController();
    const done = (async () => {
      try {
        const { graph } = await graphOf(run.version_id);
        if (run.status !== 'running' && !(await admit(run, graph))) {
          // Over a concurrency limit: hand it back and look again shortly.
          await committer.write([
            { kind: 'update-run', id: run.id, patch: { lease_owner: null, lease_until: null, next_at: iso(500), updated_at: iso() } },
          ]);
          return 'released' as const;
        }
        const outcome = await driveRun(deps, run, graph, { signal: abort.signal, stopping: () => stopping }, fresh, queued);
        if (outcome === 'waiting') answer(run.id, { status: 202, headers: {}, body: { runId: run.id, status: 'waiting' } });
        return outcome;
      } catch (error) {
        options.log.error('run driver failed; the run is retried when its lease runs out', { runId: run.id, error: String(error) });
        answer(run.id, {
          status: 500,
          headers: {},
          body: { error: { code: 'INTERNAL', message: 'The run could not be recorded; it is retried.', runId: run.id } },
        });
        return undefined;
      } finally {
        // A full process left due work unclaimed: look for it now rather than at the next poll.
        const wasFull = active.size >= maxActive;
        active.delete(run.id);
        if (wasFull) poke();
      }
    })();
    active.set(run.id, { abort, done });
  }

  async function pollOnce(): Promise<void> {
    const room = maxActive - active.size;
    if (room <= 0 || stopping) return;
    const claimed = await store.claim(owner, iso(), iso(leaseMs), room);
    for (const run of claimed) if (!active.has(run.id)) drive(run);
  }

  function schedulePoll(delay: number): void {
    if (!running || stopping) return;
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = setTimeout(() => {
      pollTimer = null;
      if (polling) {
        pokeRequested = true;
        return;
      }
      polling = pollOnce()
        .catch((error) => options.log.error('claiming due runs failed', { error: String(error) }))
        .finally(() => {
          polling = null;
          const again = pokeRequested;
          pokeRequested = false;
          schedulePoll(again ? 0 : pollMs);
        });
    }, delay);
  }

  function poke(): void {
    if (!running) return;
    if (polling) pokeRequested = true;
    else schedulePoll(0);
  }

  async function startRun(input: StartRunInput): Promise<StartedRun> {
    const { graph } = await graphOf(input.versionId);
    const now = iso();
    const runId = newId();
    const concurrencyKeyExpr = graph.definition.settings.concurrencyKey;
    const concurrencyKey = concurrencyKeyExpr ? String((await expressions.evaluate(concurrencyKeyExpr, input.data)) ?? '') : null;
    const inline =
      (input.inline ?? false) &&
      running &&
      !stopping &&
      active.size < maxActive * 4 &&
      graph.definition.settings.maxConcurrentRuns === undefined &&
      !concurrencyKey;
    const run: RunRow = {
      id: runId,
      workflow_id: input.workflowId,
      version_id: input.versionId,
      status: inline ? 'running' : 'queued',
      trigger_type: input.triggerType,
      trigger_key: input.triggerKey ?? null,
      concurrency_key: concurrencyKey,
      parent_run_id: input.parent?.runId ?? null,
      parent_step_id: input.parent?.stepId ?? null,
      started_by: input.startedBy ?? null,
      next_at: inline ? null : now,
      lease_owner: inline ? owner : null,
      lease_until: inline ? iso(leaseMs) : null,
      cancel_requested: 0,
      active_ms: 0,
      wait_ms: 0,
      error_json: null,
      created_at: now,
      started_at: inline ? now : null,
      finished_at: null,
      updated_at: now,
    };
    const trigger = graph.trigger;
    const ops: WriteOp[] = [{ kind: 'insert-run', row: run }];
    const stepOps: WriteOp[] = [];
    const encoded = encodeValue(input.data, runId, stepOps);
    const taken = (graph.outgoing.get(trigger.id) ?? []).filter((e) => e.kind === 'default').map((e) => e.index);
    const triggerRow: StepRow = {
      id: newId(),
      run_id: runId,
      node_id: trigger.id,
      item_key: '',
      seq: 1,
      status: 'succeeded',
      attempt: 1,
      idempotency_key: `${runId}:${trigger.id}`,
      input_json: null,
      output_json: encoded.json,
      output_blob_id: encoded.blobId,
      error_json: null,
      state_json: JSON.stringify({ taken }),
      next_at: null,
      started_at: now,
      finished_at: now,
      active_ms: 0,
      wait_ms: 0,
    };
    ops.push(...stepOps, { kind: 'upsert-step', row: triggerRow });
    // A run driven here that answers only when it has ended need not wait for its first rows:
    // the driver's later writes are chained after them and the answer waits for all.
    let queued: Promise<void> | undefined;
    try {
      // A keyed start may collide with an earlier delivery: commit it alone so the collision fails nobody else's batch.
      if (run.trigger_key) await store.commit(ops);
      else if (inline && input.awaitResponse) {
        queued = committer.write(ops);
        queued.catch(() => undefined);
      } else await committer.write(ops);
    } catch (error) {
      if (run.trigger_key && isUniqueViolation(error)) {
        const existing = await store.findByTriggerKey(input.workflowId, run.trigger_key);
        if (existing) return { runId: existing, duplicate: true, response: null };
      }
      throw error;
    }
    let response: Promise<WebhookResponse> | null = null;
    if (input.awaitResponse) response = new Promise((resolve) => responders.set(runId, resolve));
    if (inline) drive({ ...run }, [{ row: { ...triggerRow }, input: null, output: input.data, state: { taken } }], queued);
    else poke();
    return { runId, duplicate: false, response };
  }

  return {
    owner,
    startRun,
    graphOf,

    /** Begins claiming work: due timers, queued runs, runs of dead owners. */
    async start(): Promise<void> {
      if (running) return;
      running = true;
      stopping = false;
      if (options.singleNode) {
        const recovered = await store.recoverOrphans(iso());
        if (recovered > 0) options.log.info('took over runs of a process that stopped', { runs: recovered });
      }
      heartbeatTimer = setInterval(
        () => {
          void store
            .heartbeat(owner, [...active.keys()], iso(leaseMs))
            .catch((error) => options.log.error('lease heartbeat failed', { error: String(error) }));
        },
        Math.max(100, Math.floor(leaseMs / 3)),
      );
      schedulePoll(0);
    },

    /** Stops claiming; runs in progress are handed back at their next step boundary (bounded wait). */
    async stop(graceMs = 10_000): Promise<void> {
      stopping = true;
      if (pollTimer) clearTimeout(pollTimer);
      await polling;
      const deadline = Date.now() + graceMs;
      while (active.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const a of active.values()) a.abort.abort();
      await Promise.race([Promise.all([...active.values()].map((a) => a.done)), new Promise((r) => setTimeout(r, 1000))]);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      await store.releaseAll(owner).catch(() => undefined);
      running = false;
      for (const [id, resolve] of responders)
        resolve({ status: 503, headers: {}, body: { error: { code: 'SHUTTING_DOWN', message: 'The server is stopping.', runId: id } } });
      responders.clear();
    },

    /** Asks a run to stop: now if nobody drives it, else at its next step boundary. */
    async cancel(runId: string): Promise<void> {
      const run = await store.getRun(runId);
      if (!run) throw notFound('Run', runId);
      if (['succeeded', 'failed', 'cancelled'].includes(run.status)) {
        throw new AppError('RUN_FINISHED', { status: 409, userMessage: `The run already ended (${run.status}).` });
      }
      await store.requestCancel(runId, iso());
      const mine = active.get(runId);
      if (mine) mine.abort.abort();
      else {
        // Not being driven: let the next claim end it now.
        await store.commit([{ kind: 'update-run', id: runId, patch: { next_at: iso(), updated_at: iso() } }]);
        poke();
      }
    },

    /** Continues a failed run from its failed step(s), as the next attempt, keeping every completed step. */
    async retry(runId: string): Promise<void> {
      const run = await store.getRun(runId);
      if (!run) throw notFound('Run', runId);
      if (run.status !== 'failed')
        throw new AppError('RUN_NOT_RETRYABLE', {
          status: 409,
          userMessage: `Only failed runs can be retried; this one is ${run.status}.`,
        });
      const steps = await store.listSteps(runId);
      const failed = steps.filter((s) => s.status === 'failed' && !(JSON.parse(s.state_json ?? '{}') as { handled?: boolean }).handled);
      const now = iso();
      const ops: WriteOp[] = failed.map((s) => ({
        kind: 'upsert-step',
        row: { ...s, status: 'retrying', next_at: now, finished_at: null, state_json: null },
      }));
      ops.push({
        kind: 'update-run',
        id: runId,
        patch: { status: 'queued', next_at: now, error_json: null, finished_at: null, cancel_requested: 0, updated_at: now },
      });
      await store.commit(ops);
      poke();
    },

    /**
     * A new run of the same version that starts again at `nodeId`: every step before it is
     * copied as it ended (not run again), the step itself runs with `input` (or its recorded
     * input), and everything after it runs anew.
     */
    async rerunFrom(runId: string, nodeId: string, input: unknown, startedBy: string | null): Promise<string> {
      const original = await store.getRun(runId);
      if (!original) throw notFound('Run', runId);
      const { graph } = await graphOf(original.version_id);
      if (!graph.nodes.has(nodeId) || graph.ownerLoop.has(nodeId) || nodeId === graph.trigger.id) {
        throw new AppError('VALIDATION_FAILED', {
          status: 400,
          userMessage: `"${nodeId}" is not a step this run can start again from (not the trigger, not inside a loop).`,
          details: { issues: [{ in: 'body', path: 'fromNodeId', message: 'Not a restartable step' }] },
        });
      }
      const downstream = new Set([nodeId]);
      const queue = [nodeId];
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        for (const e of graph.outgoing.get(id) ?? []) {
          if (!downstream.has(e.to)) {
            downstream.add(e.to);
            queue.push(e.to);
          }
        }
      }
      const steps = await store.listSteps(runId);
      const chosen = steps.find((s) => s.node_id === nodeId && s.item_key === '');
      const now = iso();
      const newRunId = newId();
      const ops: WriteOp[] = [
        {
          kind: 'insert-run',
          row: {
            ...original,
            id: newRunId,
            status: 'queued',
            trigger_key: null,
            parent_run_id: null,
            parent_step_id: null,
            started_by: startedBy,
            next_at: now,
            lease_owner: null,
            lease_until: null,
            cancel_requested: 0,
            active_ms: 0,
            wait_ms: 0,
            error_json: null,
            created_at: now,
            started_at: null,
            finished_at: null,
            updated_at: now,
          },
        },
      ];
      let seq = 0;
      for (const s of steps) {
        seq = Math.max(seq, s.seq);
        const root = s.item_key.split(/[:/]/)[0] ?? '';
        if (downstream.has(s.node_id) || (s.item_key !== '' && downstream.has(root))) continue;
        const handled = s.status === 'failed' && (JSON.parse(s.state_json ?? '{}') as { handled?: boolean }).handled === true;
        if (!(s.status === 'succeeded' || s.status === 'skipped' || handled)) continue;
        ops.push({
          kind: 'upsert-step',
          row: { ...s, id: newId(), run_id: newRunId, idempotency_key: s.idempotency_key.replace(runId, newRunId) },
        });
      }
      const stepInput = input === undefined ? (chosen?.input_json ? JSON.parse(chosen.input_json) : null) : input;
      const encoded = encodeValue(stepInput, newRunId, ops);
      ops.push({
        kind: 'upsert-step',
        row: {
          id: newId(),
          run_id: newRunId,
          node_id: nodeId,
          item_key: '',
          seq: seq + 1,
          status: 'retrying',
          attempt: 0,
          idempotency_key: `${newRunId}:${nodeId}`,
          input_json: encoded.json,
          output_json: null,
          output_blob_id: null,
          error_json: null,
          state_json: null,
          next_at: now,
          started_at: now,
          finished_at: null,
          active_ms: 0,
          wait_ms: 0,
        },
      });
      await store.commit(ops);
      poke();
      return newRunId;
    },

    /**
     * Resumes a step parked with `{ kind: 'wait', until: null }` (or with a deadline): records
     * `payload` in its resume state and makes the run due now, in one transaction. Repeating a
     * signal id is harmless (`duplicate`); a step that is not waiting gets STEP_NOT_WAITING, a
     * finished run RUN_FINISHED; `not-ready` means the run is being driven right now — try
     * again shortly.
     *
     * @example
     * await engine.signal({ runId, nodeId: 'approve', signalId: `task:${taskId}`, payload: { approved: true } });
     * // the step's next execute() sees ctx.resumeState.signal = { id, payload, at }
     */
    async signal(input: SignalInput): Promise<SignalOutcome> {
      const outcome = await signalStore().deliver(input, iso());
      if (outcome === 'delivered') poke();
      return outcome;
    },

    /** `signal` inside the caller's transaction (so a decision and its signal commit together); call `poke()` after the commit. */
    signalWithin: (trx: Parameters<SignalStore['deliverIn']>[0], input: SignalInput): Promise<SignalOutcome> =>
      signalStore().deliverIn(trx, input, iso()),

    poke,
    activeRuns: () => active.size,
    commitBatches: () => committer.batches(),
  };
}

export type Engine = ReturnType<typeof createEngine>;
