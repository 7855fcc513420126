import type { WorkflowNode } from '../definition/workflow-definition.schemas.ts';

export interface RetrySettings {
  maxAttempts: number;
  initialDelayMs: number;
  backoffFactor: number;
  maxDelayMs: number;
}

/** Used when a node sets no retry policy: one attempt for logic steps, three for the rest. */
export function retrySettings(node: Pick<WorkflowNode, 'retry' | 'type'>): RetrySettings {
  if (node.retry) return node.retry;
  const external = node.type.startsWith('connector.');
  return { maxAttempts: external ? 3 : 1, initialDelayMs: 1000, backoffFactor: 2, maxDelayMs: 300_000 };
}

/**
 * Delay before attempt `attempt + 1` after attempt `attempt` failed:
 * `min(maxDelay, initialDelay × factor^(attempt−1))`, with "equal jitter" — half of it fixed,
 * half uniformly random — so retries of many runs do not arrive together, yet never sooner
 * than half the nominal delay. A server's Retry-After, when longer, wins.
 *
 * @example
 * retryDelayMs({ maxAttempts: 5, initialDelayMs: 1000, backoffFactor: 2, maxDelayMs: 60000 }, 3, () => 0.5) // 3000
 */
export function retryDelayMs(settings: RetrySettings, attempt: number, random: () => number, retryAfterMs?: number | null): number {
  const nominal = Math.min(settings.maxDelayMs, settings.initialDelayMs * settings.backoffFactor ** Math.max(0, attempt - 1));
  const jittered = Math.round(nominal / 2 + (random() * nominal) / 2);
  return retryAfterMs && retryAfterMs > jittered ? Math.min(retryAfterMs, settings.maxDelayMs) : jittered;
}
