import { newId } from '../../platform/ids.ts';
import type { RunRow, RunStore, StepRow, WriteOp } from '../store/run-store.ts';
import { type RunGraph, type StepView, stepKey } from './graph.domain.ts';

/** Step values larger than this (as JSON) are stored in `run_blobs`, not in the step row. */
export const INLINE_JSON_LIMIT = 64 * 1024;

/** A step as the driver holds it: the row plus its parsed values. */
export interface LiveStep {
  row: StepRow;
  input: unknown;
  output: unknown;
  state: StepState;
}

export interface StepState {
  /** Edge indexes taken when the step finished. */
  taken?: number[];
  /** What the step asked to keep while waiting. */
  resume?: unknown;
  /** Loop progress. */
  loop?: { count: number; concurrency: number };
  /** A failure that an error edge handles. */
  handled?: boolean;
}

/**
 * JSON of objects already encoded (inline-sized ones): a step's input is most often the very
 * object its predecessor returned, so it is serialised once. Step values are not changed after
 * a step returns them.
 */
const encoded = new WeakMap<object, string>();

/** Encodes a value for a step column: inline JSON, or a blob reference plus the blob's insert. */
export function encodeValue(value: unknown, runId: string, ops: WriteOp[]): { json: string; blobId: string | null } {
  let json: string;
  if (typeof value === 'object' && value !== null) {
    const known = encoded.get(value);
    if (known === undefined) {
      json = JSON.stringify(value);
      if (json.length <= INLINE_JSON_LIMIT) encoded.set(value, json);
    } else json = known;
  } else json = JSON.stringify(value === undefined ? null : value);
  if (json.length <= INLINE_JSON_LIMIT) return { json, blobId: null };
  const id = newId();
  ops.push({ kind: 'insert-blob', id, runId, data: json });
  return { json: JSON.stringify({ $blob: id }), blobId: id };
}

async function decodeValue(json: string | null, store: RunStore): Promise<unknown> {
  if (json === null) return null;
  const value = JSON.parse(json) as unknown;
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $blob?: unknown }).$blob === 'string') {
    const data = await store.getBlob((value as { $blob: string }).$blob);
    return data === null ? null : JSON.parse(data);
  }
  return value;
}

/** The in-memory picture of one run while a driver owns it. Rebuilt from rows on every claim. */
export class RunState {
  readonly steps = new Map<string, LiveStep>();
  seq = 0;
  /** Writes queued and not yet known to be committed (records of pure steps). */
  pending: Promise<void>[] = [];
  /** A webhook answer on its way out (sent once its step is committed). */
  responding: Promise<void> | null = null;

  constructor(
    public run: RunRow,
    readonly graph: RunGraph,
  ) {}

  static fromSteps(run: RunRow, graph: RunGraph, steps: LiveStep[]): RunState {
    const state = new RunState(run, graph);
    for (const step of steps) {
      state.steps.set(stepKey(step.row.node_id, step.row.item_key), step);
      state.seq = Math.max(state.seq, step.row.seq);
    }
    return state;
  }

  static async load(run: RunRow, graph: RunGraph, store: RunStore): Promise<RunState> {
    const state = new RunState(run, graph);
    for (const row of await store.listSteps(run.id)) {
      state.steps.set(stepKey(row.node_id, row.item_key), {
        row,
        input: await decodeValue(row.input_json, store),
        output: await decodeValue(row.output_json, store),
        state: row.state_json ? (JSON.parse(row.state_json) as StepState) : {},
      });
      state.seq = Math.max(state.seq, row.seq);
    }
    return state;
  }

  views(): Map<string, StepView> {
    const out = new Map<string, StepView>();
    for (const [key, s] of this.steps) {
      out.set(key, { status: s.row.status as StepView['status'], taken: s.state.taken ?? [], nextAt: s.row.next_at });
    }
    return out;
  }

  loops(): Map<string, { count: number; concurrency: number }> {
    const out = new Map<string, { count: number; concurrency: number }>();
    for (const [key, s] of this.steps) if (s.state.loop && s.row.status === 'looping') out.set(key, s.state.loop);
    return out;
  }

  get(nodeId: string, scope: string): LiveStep | undefined {
    return this.steps.get(stepKey(nodeId, scope));
  }

  /** The output of `nodeId` as seen from `scope`: its own item scope first, then enclosing ones. */
  outputSeenFrom(nodeId: string, scope: string): LiveStep | undefined {
    let s: string | null = scope;
    while (s !== null) {
      const hit = this.get(nodeId, s);
      if (hit) return hit;
      s = s === '' ? null : s.includes('/') ? s.slice(0, s.lastIndexOf('/')) : '';
    }
    return undefined;
  }

  /** `$nodes` for expressions: every node's output visible from `scope`. */
  nodesBinding(scope: string): Record<string, { output: unknown; status: string }> {
    const out: Record<string, { output: unknown; status: string }> = {};
    for (const id of this.graph.nodes.keys()) {
      const s = this.outputSeenFrom(id, scope);
      if (s) out[id] = { output: s.output, status: s.row.status };
    }
    return out;
  }

  /** The item and index of the innermost loop item of `scope` (undefined at the root). */
  itemOf(scope: string): { item: unknown; index: number } | undefined {
    if (scope === '') return undefined;
    const last = scope.slice(scope.lastIndexOf('/') + 1);
    const [loop, index] = last.split(':');
    const parentScope = scope.includes('/') ? scope.slice(0, scope.lastIndexOf('/')) : '';
    const loopStep = loop ? this.get(loop, parentScope) : undefined;
    const i = Number(index);
    return { item: Array.isArray(loopStep?.output) ? loopStep.output[i] : undefined, index: i };
  }

  /** The run's result: the output of the step that succeeded last at the root. */
  lastOutput(): unknown {
    let best: LiveStep | undefined;
    for (const s of this.steps.values()) {
      if (s.row.item_key === '' && s.row.status === 'succeeded' && (!best || s.row.seq > best.row.seq)) best = s;
    }
    return best?.output ?? null;
  }

  /** A failed step no error edge handles, if any. */
  unhandledFailure(): LiveStep | undefined {
    for (const s of this.steps.values()) if (s.row.status === 'failed' && !s.state.handled) return s;
    return undefined;
  }
}
