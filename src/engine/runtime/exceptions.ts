import { signalOf } from '../store/signal-store.ts';

/**
 * A step that failed after its last attempt, with `onFailure: "task"`: the run pauses on it
 * and the host opens an exception task for a person (the tasks module). The person's
 * resolution comes back as a signal: retry (with edited input), skip (with an output), abort.
 */
export interface StepException {
  runId: string;
  workflowId: string;
  nodeId: string;
  nodeName: string;
  /** '' outside loops. */
  scope: string;
  attempt: number;
  idempotencyKey: string;
  startedBy: string | null;
  error: { code: string; message: string; details: unknown };
  input: unknown;
  /** The node's `exception` settings (assignees, runbook link, title, SLA). */
  options: Record<string, unknown>;
}

export type ExceptionResolution =
  | { action: 'retry'; input?: unknown; by: string; comment: string }
  | { action: 'skip'; output: unknown; by: string; comment: string }
  | { action: 'abort'; by: string; comment: string };

/** What a step parked for an exception keeps in its resume state. */
export const exceptionState = (error: unknown, attempt: number) => ({ exception: { error, attempt } });

/** The person's resolution, when the resume state is that of an exception and a signal arrived. */
export function exceptionResolution(resume: unknown): ExceptionResolution | null {
  if (!resume || typeof resume !== 'object' || !('exception' in resume)) return null;
  const payload = signalOf(resume)?.payload as (Partial<ExceptionResolution> & Record<string, unknown>) | undefined;
  if (!payload || typeof payload.action !== 'string') return null;
  const by = typeof payload.by === 'string' ? payload.by : 'someone';
  const comment = typeof payload.comment === 'string' ? payload.comment : '';
  if (payload.action === 'retry') return { action: 'retry', ...('input' in payload ? { input: payload.input } : {}), by, comment };
  if (payload.action === 'skip') return { action: 'skip', output: payload.output ?? null, by, comment };
  if (payload.action === 'abort') return { action: 'abort', by, comment };
  return null;
}

/** The error an aborted step ends with (the run fails with it). */
export function abortError(original: unknown, resolution: { by: string; comment: string }) {
  return {
    code: 'RUN_ABORTED',
    message: `${resolution.by} aborted the run after the step failed${resolution.comment ? `: ${resolution.comment}` : '.'}`,
    details: { original, comment: resolution.comment },
    retryable: false,
  };
}
