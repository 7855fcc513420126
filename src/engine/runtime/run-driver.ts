import type { Clock } from '../../platform/clock.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { WorkflowNode } from '../definition/workflow-definition.schemas.ts';
import type { ExpressionEngine } from '../expressions/expressions.ts';
import type { StepContext, StepLog, StepRegistry, StepResult } from '../steps/step-type.ts';
import type { GroupCommitter } from '../store/group-commit.ts';
import type { RunRow, RunStore, StepRow, WriteOp } from '../store/run-store.ts';
import { abortError, type ExceptionResolution, exceptionResolution, exceptionState, type StepException } from './exceptions.ts';
import { type Action, type GraphEdge, nextActions, type RunGraph, stepKey } from './graph.domain.ts';
import { retryDelayMs, retrySettings } from './retry.domain.ts';
import { encodeValue, type LiveStep, RunState, type StepState } from './run-state.ts';
import { resolveTemplates } from './templates.ts';

/** Default step deadline when the node sets none (waiting time is not counted). */
const DEFAULT_STEP_TIMEOUT_MS = 300_000;

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface DriverDeps {
  store: RunStore;
  committer: GroupCommitter;
  registry: StepRegistry;
  expressions: ExpressionEngine;
  clock: Clock;
  random: () => number;
  log: StepLog;
  resolveCredential(id: string, type?: string): Promise<Record<string, unknown>>;
  startChild(parent: { runId: string; stepId: string }, workflowId: string, input: unknown): Promise<string>;
  /** The answer channel of a synchronous webhook waiting on this run (if any). */
  respond(runId: string, response: WebhookResponse): void;
  /** Called after a run's end was committed. */
  onFinished(run: RunRow, output: unknown): void;
  /** Observes every executed step (tests count side effects with it). */
  onStepDone?(run: RunRow, step: StepRow): void;
  /** Opens an exception task for a step with `onFailure: "task"` that failed after its last attempt. */
  openException?(exception: StepException): Promise<void>;
}

export type DriveOutcome = 'finished' | 'waiting' | 'released';

export interface DriveControl {
  signal: AbortSignal;
  /** True when the process is stopping: hand the run back at the next step boundary. */
  stopping(): boolean;
}

const errorJson = (error: unknown) => {
  if (isAppError(error))
    return { code: error.code, message: error.userMessage, details: error.details ?? null, retryable: error.retryable ?? false };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), details: null, retryable: true };
};

/**
 * Drives one claimed run forward until it ends, waits (delay, retry back-off, a child, a
 * person) or must be handed back. Each step's input, output, status and attempt is committed
 * before anything that depends on it starts; side-effecting steps are also recorded as
 * `running` before they start, so a crash mid-step re-runs only that step, with the same
 * idempotency key and the next attempt number.
 */
export async function driveRun(
  deps: DriverDeps,
  run: RunRow,
  graph: RunGraph,
  control: DriveControl,
  /** A run started in this process: its steps so far, so they need not be read back. */
  fresh?: LiveStep[],
  /** Writes of this run queued before the driver started (a fresh run's first rows). */
  queued?: Promise<void>,
): Promise<DriveOutcome> {
  const state = fresh ? RunState.fromSteps(run, graph, fresh) : await RunState.load(run, graph, deps.store);
  if (queued) state.pending.push(queued);
  const runStarted = deps.clock.now().toISOString();
  if (run.status !== 'running') {
    run.status = 'running';
    run.started_at ??= runStarted;
    await commit(deps, state, [
      { kind: 'update-run', id: run.id, patch: { status: 'running', started_at: run.started_at, updated_at: runStarted } },
    ]);
  }
  // A step found `running` was in flight when its owner died: run it again (same key, next attempt).
  for (const s of state.steps.values()) {
    if (s.row.status === 'running') {
      s.row.status = 'retrying';
      s.row.next_at = runStarted;
    }
  }
  for (;;) {
    if (control.signal.aborted || run.cancel_requested === 1)
      return finishRun(deps, state, 'cancelled', { code: 'RUN_CANCELLED', message: 'The run was cancelled.' });
    const timeoutMs = graph.definition.settings.timeoutMs;
    if (timeoutMs !== undefined && run.active_ms > timeoutMs) {
      return finishRun(deps, state, 'failed', { code: 'RUN_TIMEOUT', message: `The run worked longer than its ${timeoutMs} ms limit.` });
    }
    const failure = state.unhandledFailure();
    if (failure) {
      return finishRun(deps, state, 'failed', { ...(JSON.parse(failure.row.error_json ?? '{}') as object), nodeId: failure.row.node_id });
    }
    const now = deps.clock.now().toISOString();
    const actions = nextActions(graph, state.views(), state.loops(), now);
    if (actions.length === 0) {
      const waiting = [...state.steps.values()].some(
        (s) => s.row.status === 'waiting' || s.row.status === 'retrying' || s.row.status === 'looping',
      );
      if (waiting) {
        await commit(deps, state, [{ kind: 'release-waiting', id: run.id, patch: { active_ms: run.active_ms, updated_at: now } }]);
        return 'waiting';
      }
      return finishRun(deps, state, 'succeeded', null);
    }
    if (control.stopping()) {
      await commit(deps, state, [
        { kind: 'update-run', id: run.id, patch: { lease_owner: null, lease_until: null, next_at: now, updated_at: now } },
      ]);
      return 'released';
    }
    await Promise.all(actions.map((a) => perform(deps, state, a, control)));
  }
}

async function finishRun(
  deps: DriverDeps,
  state: RunState,
  status: 'succeeded' | 'failed' | 'cancelled',
  error: object | null,
): Promise<DriveOutcome> {
  const run = state.run;
  const now = deps.clock.now().toISOString();
  const output = state.lastOutput();
  const ops: WriteOp[] = [
    {
      kind: 'update-run',
      id: run.id,
      patch: {
        status,
        finished_at: now,
        error_json: error ? JSON.stringify(error) : null,
        lease_owner: null,
        lease_until: null,
        next_at: null,
        active_ms: run.active_ms,
        updated_at: now,
      },
    },
  ];
  if (run.parent_run_id && run.parent_step_id) {
    const resume = { childRunId: run.id, result: { status, output, error } };
    ops.push({ kind: 'wake-step', runId: run.parent_run_id, stepId: run.parent_step_id, stateJson: JSON.stringify({ resume }), at: now });
  }
  await commit(deps, state, ops);
  // A Respond step's answer goes first; the run's end only answers a webhook nobody answered.
  if (state.responding) await state.responding;
  Object.assign(run, { status, finished_at: now });
  deps.onFinished(run, output);
  return 'finished';
}

function inputFor(state: RunState, action: Extract<Action, { kind: 'run' }>): unknown {
  if (action.from.length === 0) return state.itemOf(action.scope)?.item ?? null;
  if (action.from.length === 1) {
    const edge = action.from[0] as GraphEdge;
    return state.get(edge.from, action.scope)?.output ?? null;
  }
  const merged: Record<string, unknown> = {};
  for (const edge of action.from) merged[edge.from] = state.get(edge.from, action.scope)?.output ?? null;
  return merged;
}

function bindingsFor(state: RunState, scope: string): Record<string, unknown> {
  const item = state.itemOf(scope);
  return {
    trigger: state.get(state.graph.trigger.id, '')?.output ?? null,
    nodes: state.nodesBinding(scope),
    item: item?.item,
    index: item?.index,
    run: { id: state.run.id, workflowId: state.run.workflow_id, startedAt: state.run.started_at },
  };
}

async function perform(deps: DriverDeps, state: RunState, action: Action, control: DriveControl): Promise<void> {
  const run = state.run;
  const now = deps.clock.now().toISOString();
  const key = stepKey(action.nodeId, action.scope);
  if (action.kind === 'skip') {
    const row = newRow(state, action.nodeId, action.scope, 'skipped', 0, now);
    row.state_json = JSON.stringify({ taken: [] });
    row.finished_at = now;
    queue(deps, state, [{ kind: 'upsert-step', row }]);
    state.steps.set(key, { row, input: null, output: null, state: { taken: [] } });
    return;
  }
  if (action.kind === 'finish-loop') {
    const live = state.get(action.nodeId, action.scope) as LiveStep;
    const results: unknown[] = [];
    const count = live.state.loop?.count ?? 0;
    const body = state.graph.loopBody.get(action.nodeId) ?? [];
    for (let i = 0; i < count; i++) {
      const scope = action.scope ? `${action.scope}/${action.nodeId}:${i}` : `${action.nodeId}:${i}`;
      let last: LiveStep | undefined;
      for (const id of body) {
        const s = state.get(id, scope);
        if (s && s.row.status !== 'skipped' && (!last || s.row.seq > last.row.seq)) last = s;
      }
      results.push(last?.output ?? null);
    }
    const taken = decideDefault(state.graph, action.nodeId);
    complete(deps, state, live, results, { taken }, 'succeeded', true);
    return;
  }
  const node = state.graph.nodes.get(action.nodeId);
  const type = node ? deps.registry.get(node.type) : undefined;
  if (!node || !type) throw new Error(`driveRun: unknown node ${action.nodeId}`);
  const existing = state.get(action.nodeId, action.scope);
  let live: LiveStep;
  if (existing) {
    live = existing;
    if (existing.row.status === 'retrying') live.row.attempt += 1;
  } else {
    const row = newRow(state, action.nodeId, action.scope, 'running', 1, now);
    live = { row, input: action.kind === 'run' ? inputFor(state, action) : null, output: null, state: {} };
    state.steps.set(key, live);
  }
  // A person resolved this step's exception: skip and abort settle it here; retry runs it again.
  const resolution = existing?.row.status === 'waiting' ? exceptionResolution(existing.state.resume) : null;
  if (resolution && resolution.action !== 'retry') {
    await settleException(deps, state, live, node, resolution);
    return;
  }
  if (resolution?.action === 'retry') {
    live.row.attempt += 1;
    if ('input' in resolution) live.input = resolution.input;
  }
  const resumeState = existing?.row.status === 'waiting' && !resolution ? (existing.state.resume ?? null) : null;
  live.row.status = 'running';
  live.row.started_at ??= now;
  live.row.next_at = null;
  if (!type.pure) {
    const ops: WriteOp[] = [];
    live.row.input_json = encodeValue(live.input, run.id, ops).json;
    ops.push({ kind: 'upsert-step', row: { ...live.row } });
    await commit(deps, state, ops);
  }
  const started = Date.now();
  // Pure steps (expressions, code) have limits of their own; only side effects get a timer.
  const timeout = type.pure ? null : new AbortController();
  const timeoutMs = node.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  const signal = timeout ? AbortSignal.any([timeout.signal, control.signal]) : control.signal;
  let timer: NodeJS.Timeout | undefined;
  let result: StepResult;
  // A webhook answer leaves only after the step that gives it is committed.
  let answer: WebhookResponse | null = null;
  try {
    const bindings = bindingsFor(state, action.scope);
    const config = await resolveTemplates(node.config, live.input, bindings, deps.expressions, type.rawFields ?? []);
    const parsed = type.config.safeParse(config);
    if (!parsed.success) {
      throw new AppError('STEP_INPUT_INVALID', {
        status: 400,
        userMessage: `The settings of "${node.name}" are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        retryable: false,
      });
    }
    const credentialId = (node.config as { credentialId?: unknown }).credentialId;
    const ctx: StepContext = {
      runId: run.id,
      workflowId: run.workflow_id,
      nodeId: node.id,
      scope: action.scope,
      attempt: live.row.attempt,
      idempotencyKey: live.row.idempotency_key,
      signal,
      clock: deps.clock,
      log: deps.log,
      expressions: deps.expressions,
      bindings,
      resumeState,
      credential:
        typeof credentialId === 'string' && credentialId ? await deps.resolveCredential(credentialId, type.credentialType?.type) : null,
      respond: (response) => {
        answer = response;
      },
      startChild: (workflowId, input) => deps.startChild({ runId: run.id, stepId: live.row.id }, workflowId, input),
    };
    const execution = type.execute(parsed.data, live.input, ctx);
    result = !timeout
      ? await execution
      : await new Promise<StepResult>((resolve, reject) => {
          timer = setTimeout(() => {
            timeout.abort();
            reject(
              new AppError('STEP_TIMEOUT', {
                status: 504,
                userMessage: `"${node.name}" ran longer than ${timeoutMs} ms.`,
                retryable: true,
              }),
            );
          }, timeoutMs);
          execution.then(resolve, reject);
        });
  } catch (error) {
    clearTimeout(timer);
    await fail(deps, state, live, error, Date.now() - started, type.pure === true);
    return;
  }
  clearTimeout(timer);
  const elapsed = Date.now() - started;
  live.row.active_ms += elapsed;
  run.active_ms += elapsed;
  if (result.kind === 'wait') {
    live.state = { resume: result.state };
    live.row.status = 'waiting';
    live.row.next_at = result.until ? result.until.toISOString() : null;
    const ops: WriteOp[] = [];
    live.row.input_json = encodeValue(live.input, run.id, ops).json;
    live.row.state_json = JSON.stringify(live.state);
    ops.push({ kind: 'upsert-step', row: { ...live.row } });
    if (type.pure) queue(deps, state, ops);
    else await commit(deps, state, ops);
    return;
  }
  if (result.kind === 'loop') {
    live.state = { loop: { count: result.items.length, concurrency: result.concurrency } };
    await complete(deps, state, live, result.items, live.state, 'looping', type.pure === true);
    return;
  }
  let taken: number[];
  try {
    taken = await decideEdges(deps, state, node.id, node.type, action.scope, result.output);
  } catch (error) {
    await fail(deps, state, live, error, 0, type.pure === true);
    return;
  }
  await complete(deps, state, live, result.output, { taken }, 'succeeded', type.pure === true);
  if (answer) {
    const response: WebhookResponse = answer;
    // The answer leaves once the step that gives it (and all before it) is committed.
    state.responding = Promise.all(state.pending).then(
      () => deps.respond(run.id, response),
      () => undefined,
    );
  }
}

/**
 * Queues a write without waiting for it. Only for records of pure steps: nothing outside the
 * run has seen their effect, so a crash before the commit just computes them again. Anything
 * seen outside (a side effect starting, a webhook answer, the run parking or ending) waits
 * for `commit`, which also waits for everything queued before.
 */
function queue(deps: DriverDeps, state: RunState, ops: WriteOp[], after?: () => void): void {
  const written = deps.committer.write(ops, state);
  written.then(after, () => undefined);
  state.pending.push(written);
}

/** Commits `ops` after every write queued before them; resolves when all are committed. */
async function commit(deps: DriverDeps, state: RunState, ops: WriteOp[]): Promise<void> {
  const queued = state.pending;
  state.pending = [];
  const written = deps.committer.write(ops, state);
  if (queued.length === 0) await written;
  else await Promise.all([...queued, written]);
}

function newRow(state: RunState, nodeId: string, scope: string, status: string, attempt: number, now: string): StepRow {
  state.seq += 1;
  return {
    id: newId(),
    run_id: state.run.id,
    node_id: nodeId,
    item_key: scope,
    seq: state.seq,
    status,
    attempt,
    idempotency_key: `${state.run.id}:${nodeId}${scope ? `:${scope}` : ''}`,
    input_json: null,
    output_json: null,
    output_blob_id: null,
    error_json: null,
    state_json: null,
    next_at: null,
    started_at: now,
    finished_at: null,
    active_ms: 0,
    wait_ms: 0,
  };
}

async function complete(
  deps: DriverDeps,
  state: RunState,
  live: LiveStep,
  output: unknown,
  stepState: StepState,
  status: string,
  /** A pure step's record: queued, not waited for (see `queue`). */
  pure: boolean,
): Promise<void> {
  const ops: WriteOp[] = [];
  const now = deps.clock.now().toISOString();
  live.output = output;
  live.state = stepState;
  live.row.status = status;
  live.row.input_json = encodeValue(live.input, state.run.id, ops).json;
  const encoded = encodeValue(output, state.run.id, ops);
  live.row.output_json = encoded.json;
  live.row.output_blob_id = encoded.blobId;
  live.row.state_json = JSON.stringify(stepState);
  live.row.error_json = status === 'succeeded' ? null : live.row.error_json;
  live.row.next_at = null;
  if (status !== 'looping') live.row.finished_at = now;
  const row = { ...live.row };
  ops.push({ kind: 'upsert-step', row });
  const done = deps.onStepDone ? () => deps.onStepDone?.(state.run, row) : undefined;
  if (pure) {
    queue(deps, state, ops, done);
    return;
  }
  await commit(deps, state, ops);
  done?.();
}

async function fail(deps: DriverDeps, state: RunState, live: LiveStep, error: unknown, elapsed: number, pure: boolean): Promise<void> {
  const node = state.graph.nodes.get(live.row.node_id);
  if (!node) return;
  const now = deps.clock.now();
  const info = errorJson(error);
  live.row.active_ms += elapsed;
  state.run.active_ms += elapsed;
  live.row.error_json = JSON.stringify(info);
  const retry = retrySettings(node);
  const ops: WriteOp[] = [];
  if (info.retryable && live.row.attempt < retry.maxAttempts && !state.run.cancel_requested) {
    const retryAfter = (info.details as { retryAfterMs?: number } | null)?.retryAfterMs ?? null;
    const delay = retryDelayMs(retry, live.row.attempt, deps.random, retryAfter);
    live.row.status = 'retrying';
    live.row.next_at = new Date(now.getTime() + delay).toISOString();
    live.row.input_json = encodeValue(live.input, state.run.id, ops).json;
    ops.push({ kind: 'upsert-step', row: { ...live.row } });
    if (pure) queue(deps, state, ops);
    else await commit(deps, state, ops);
    return;
  }
  if (
    node.onFailure === 'task' &&
    deps.openException &&
    !state.run.cancel_requested &&
    (await parkForException(deps, state, live, node, info))
  ) {
    return;
  }
  const errorEdge = (state.graph.outgoing.get(node.id) ?? []).find((e) => e.kind === 'error');
  const stepState: StepState = errorEdge ? { taken: [errorEdge.index], handled: true } : { taken: [] };
  await complete(deps, state, live, errorEdge ? { error: info, input: live.input } : null, stepState, 'failed', pure);
}

/**
 * Pauses the run on a step that failed for good, after the host opened an exception task for
 * it; the step waits (a row, no timer) for the person's resolution. When the task cannot be
 * opened, the step fails as usual.
 */
async function parkForException(
  deps: DriverDeps,
  state: RunState,
  live: LiveStep,
  node: WorkflowNode,
  info: ReturnType<typeof errorJson>,
): Promise<boolean> {
  try {
    // Opening a task is seen outside the run: everything before it is committed first.
    await commit(deps, state, []);
    await deps.openException?.({
      runId: state.run.id,
      workflowId: state.run.workflow_id,
      nodeId: node.id,
      nodeName: node.name,
      scope: live.row.item_key,
      attempt: live.row.attempt,
      idempotencyKey: live.row.idempotency_key,
      startedBy: state.run.started_by,
      error: { code: info.code, message: info.message, details: info.details },
      input: live.input,
      options: (node.exception ?? {}) as Record<string, unknown>,
    });
  } catch (error) {
    deps.log.error('could not open an exception task; the step fails', { runId: state.run.id, nodeId: node.id, error: String(error) });
    return false;
  }
  const ops: WriteOp[] = [];
  live.state = { resume: exceptionState(info, live.row.attempt) };
  live.row.status = 'waiting';
  live.row.next_at = null;
  live.row.input_json = encodeValue(live.input, state.run.id, ops).json;
  live.row.state_json = JSON.stringify(live.state);
  ops.push({ kind: 'upsert-step', row: { ...live.row } });
  await commit(deps, state, ops);
  return true;
}

/** Skip: the step succeeds with the person's output. Abort: it fails for good with RUN_ABORTED. */
async function settleException(
  deps: DriverDeps,
  state: RunState,
  live: LiveStep,
  node: WorkflowNode,
  resolution: Exclude<ExceptionResolution, { action: 'retry' }>,
): Promise<void> {
  if (resolution.action === 'skip') {
    let taken: number[];
    try {
      taken = await decideEdges(deps, state, node.id, node.type, live.row.item_key, resolution.output);
    } catch (error) {
      await fail(deps, state, live, error, 0, false);
      return;
    }
    await complete(deps, state, live, resolution.output, { taken }, 'succeeded', false);
    return;
  }
  live.row.error_json = JSON.stringify(abortError(JSON.parse(live.row.error_json ?? 'null'), resolution));
  await complete(deps, state, live, null, { taken: [] }, 'failed', false);
}

function decideDefault(graph: RunGraph, nodeId: string): number[] {
  return (graph.outgoing.get(nodeId) ?? []).filter((e) => e.kind === 'default').map((e) => e.index);
}

/**
 * Which outgoing edges a finished step takes: every branch edge whose condition is true
 * (only the first for a switch); plain edges always — except from a step with branch edges,
 * where a plain edge is the "otherwise" path, taken only when no branch was.
 */
async function decideEdges(
  deps: DriverDeps,
  state: RunState,
  nodeId: string,
  type: string,
  scope: string,
  output: unknown,
): Promise<number[]> {
  const edges = (state.graph.outgoing.get(nodeId) ?? []).filter((e) => e.kind === 'default' || e.kind === 'branch');
  const branches = edges.filter((e) => e.kind === 'branch');
  const taken: number[] = [];
  if (branches.length > 0) {
    const bindings = bindingsFor(state, scope);
    for (const edge of branches) {
      const value = await deps.expressions.evaluate(edge.condition ?? 'false', output, bindings);
      if (value === true || (value !== false && value !== null && value !== undefined && value !== 0 && value !== '')) {
        taken.push(edge.index);
        if (type === 'logic.switch') break;
      }
    }
  }
  for (const edge of edges) if (edge.kind === 'default' && (branches.length === 0 || taken.length === 0)) taken.push(edge.index);
  return taken;
}
