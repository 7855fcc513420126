import { NumberInput, SimpleGrid } from '@mantine/core';
import type { RetryPolicy, WorkflowNode } from '../api/workflowTypes.ts';

type Step = Omit<WorkflowNode, 'position'>;

const num = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A step's retry policy and timeout; empty fields mean the engine's defaults. */
export function RetrySettings({ step, onChange, disabled }: { step: Step; onChange: (step: Step) => void; disabled: boolean }) {
  const retry = step.retry ?? {};
  const setRetry = (patch: Partial<RetryPolicy>) => {
    const next: RetryPolicy = { ...retry, ...patch };
    for (const k of Object.keys(next) as (keyof RetryPolicy)[]) if (next[k] === undefined) delete next[k];
    const { retry: _old, ...rest } = step;
    onChange(Object.keys(next).length > 0 ? { ...rest, retry: next } : rest);
  };
  return (
    <SimpleGrid cols={2} spacing="xs">
      <NumberInput
        label="Attempts"
        description="Optional. Including the first; 1 = no retry"
        min={1}
        max={100}
        disabled={disabled}
        value={retry.maxAttempts ?? ''}
        onChange={(v) => setRetry({ maxAttempts: num(v) })}
      />
      <NumberInput
        label="First retry after (ms)"
        description="Optional. Then doubles"
        min={0}
        step={500}
        disabled={disabled}
        value={retry.initialDelayMs ?? ''}
        onChange={(v) => setRetry({ initialDelayMs: num(v) })}
      />
      <NumberInput
        label="Back-off factor"
        description="Optional. Default 2"
        min={1}
        max={10}
        decimalScale={2}
        disabled={disabled}
        value={retry.backoffFactor ?? ''}
        onChange={(v) => setRetry({ backoffFactor: num(v) })}
      />
      <NumberInput
        label="Timeout (ms)"
        description="Optional. Waiting time not counted"
        min={1}
        step={1000}
        disabled={disabled}
        value={step.timeoutMs ?? ''}
        onChange={(v) => {
          const { timeoutMs: _old, ...rest } = step;
          const ms = num(v);
          onChange(ms === undefined ? rest : { ...rest, timeoutMs: ms });
        }}
      />
    </SimpleGrid>
  );
}
