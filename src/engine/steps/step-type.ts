import type { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { ExpressionEngine } from '../expressions/expressions.ts';

export interface StepLog {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

/** What a step sees while it runs. */
export interface StepContext {
  runId: string;
  workflowId: string;
  nodeId: string;
  /** '' outside loops, else the loop item's scope. */
  scope: string;
  attempt: number;
  /** The same for every attempt of this step in this run (send it to remote APIs). */
  idempotencyKey: string;
  /** Aborted on step timeout and run cancellation. */
  signal: AbortSignal;
  clock: Clock;
  log: StepLog;
  expressions: ExpressionEngine;
  /** `$trigger`, `$nodes`, `$item`, `$index`, `$run` for expressions the step evaluates itself. */
  bindings: Record<string, unknown>;
  /** State saved when the step last asked to wait (null on the first call). */
  resumeState: unknown;
  /** Credential values for the node's `credentialId`, decrypted (null when it names none). */
  credential: Record<string, unknown> | null;
  /** Sends the answer of a synchronous webhook (no-op when nobody waits for it). */
  respond(response: { status: number; headers: Record<string, string>; body: unknown }): void;
  /** Starts a run of another workflow as this step's child; the step then waits for it. */
  startChild(workflowId: string, input: unknown): Promise<string>;
}

/** What a step returns: an output, or a durable wait (until a time, or until woken). */
export type StepResult =
  | { kind: 'done'; output: unknown }
  | { kind: 'wait'; until: Date | null; state: unknown }
  | { kind: 'loop'; items: unknown[]; concurrency: number };

/**
 * A kind of step the engine can run. Config arrives parsed by `config` with `{{ }}`
 * templates already resolved, except the fields listed in `rawFields`.
 */
export interface StepType<C extends z.ZodType = z.ZodType> {
  type: string;
  title: string;
  description: string;
  category: 'trigger' | 'logic' | 'code' | 'human' | 'connector';
  config: C;
  rawFields?: readonly string[];
  /** Pure steps (no side effects) are recorded once, when done; others also when they start. */
  pure?: boolean;
  /** Credential type the node may name (`config.credentialId`). */
  credentialType?: { type: string; required: boolean };
  execute(config: z.output<C>, input: unknown, ctx: StepContext): Promise<StepResult>;
  /**
   * Polling triggers: new items since `state` (each starts one run, de-duplicated by
   * `dedupeKey`) and the next state. Polled every `config.pollSeconds` (default 60).
   */
  poll?(config: z.output<C>, ctx: PollStepContext): Promise<{ items: { dedupeKey: string; data: unknown }[]; state: unknown }>;
}

export interface PollStepContext {
  workflowId: string;
  nodeId: string;
  state: unknown;
  signal: AbortSignal;
  clock: Clock;
  log: StepLog;
  credential: Record<string, unknown> | null;
}

export function defineStepType<C extends z.ZodType>(def: StepType<C>): StepType<C> {
  return def;
}

/** Step types by their `type`. Filled from metadata: built-ins plus whatever the host adds. */
export function createStepRegistry(types: readonly StepType[]) {
  const byType = new Map<string, StepType>();
  for (const t of types) {
    if (byType.has(t.type)) throw new Error(`Step type ${t.type} registered twice`);
    byType.set(t.type, t);
  }
  return {
    get: (type: string) => byType.get(type),
    has: (type: string) => byType.has(type),
    all: () => [...byType.values()],
  };
}

export type StepRegistry = ReturnType<typeof createStepRegistry>;
