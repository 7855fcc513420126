import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, get, post } from '../api/client.ts';
import type { RunDetail } from '../api/workflowTypes.ts';
import { JsonView } from '../common/JsonView.tsx';
import { parseJsonInput } from './schemaFields.ts';

interface TestStepCardProps {
  workflowId: string;
  nodeId: string;
  /** The workflow's last run: its input for this step prefills the sample. */
  lastRunId: string | null;
  /** Saves the draft first (the server tests the saved draft); false when it could not. */
  beforeTest: () => Promise<boolean>;
}

/** Runs one step of the draft with sample input and shows its output or error. */
export function TestStepCard({ workflowId, nodeId, lastRunId, beforeTest }: TestStepCardProps) {
  const lastRun = useQuery({
    queryKey: ['run', lastRunId],
    queryFn: () => get<RunDetail>(`/api/v1/runs/${lastRunId}`),
    enabled: !!lastRunId,
    retry: false,
  });
  const [input, setInput] = useState('{}');
  const [result, setResult] = useState<{ output: unknown } | { error: string; details?: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const sample = lastRun.data?.steps.find((s) => s.nodeId === nodeId)?.input;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill when another step is chosen or the last run arrives
  useEffect(() => {
    setInput(sample === undefined ? '{}' : JSON.stringify(sample, null, 2));
    setResult(null);
  }, [nodeId, sample === undefined]);

  const parsed = parseJsonInput(input);
  const run = async () => {
    if ('error' in parsed) return;
    setBusy(true);
    try {
      if (!(await beforeTest())) return;
      const answer = await post<{ output: unknown }>(`/api/v1/workflows/${workflowId}/test-step`, { nodeId, input: parsed.value ?? null });
      setResult({ output: answer.output });
    } catch (error) {
      setResult({
        error: error instanceof Error ? error.message : String(error),
        details: error instanceof ApiError ? error.details : undefined,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Textarea
        label="Sample input (JSON)"
        description={sample === undefined ? 'What the step receives.' : 'Prefilled with its input in the last run.'}
        autosize
        minRows={3}
        maxRows={12}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        value={input}
        error={'error' in parsed ? parsed.error : null}
        onChange={(e) => setInput(e.currentTarget.value)}
      />
      <Button variant="light" leftSection={<IconFlask size={16} />} onClick={run} loading={busy} disabled={'error' in parsed}>
        Test step
      </Button>
      {result && 'output' in result && (
        <div data-testid="test-step-output">
          <Text size="sm" fw={600} mb={4}>
            Output
          </Text>
          <JsonView value={result.output} empty="No output (null)" />
        </div>
      )}
      {result && 'error' in result && (
        <Alert color="red" title="The step failed" role="alert">
          {result.error}
        </Alert>
      )}
    </Stack>
  );
}
