import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconBook, IconExternalLink } from '@tabler/icons-react';
import { JsonView } from '../common/JsonView.tsx';
import type { ExceptionContext } from './taskTypes.ts';

/** What failed: the step, its error (code, message, details), the attempt, the runbook and the input. */
export function ExceptionDetails({ context }: { context: ExceptionContext }) {
  const error = context.error;
  return (
    <Stack>
      <Alert color="red" title={`${context.nodeName} failed${error ? `: ${error.code}` : ''}`} data-testid="exception-error">
        <Stack gap="xs">
          <Text size="sm">{error?.message ?? 'No error message.'}</Text>
          <Text size="xs" c="dimmed">
            Attempt {context.attempt} · step <code>{context.nodeId}</code>
            {context.itemKey ? ` · item ${context.itemKey}` : ''}
          </Text>
          {error?.details !== undefined && error.details !== null && <JsonView value={error.details} maxHeight={200} />}
        </Stack>
      </Alert>
      {context.runbookUrl && (
        <Group gap="xs">
          <IconBook size={16} aria-hidden />
          <Anchor href={context.runbookUrl} target="_blank" rel="noopener noreferrer" size="sm">
            Runbook: what to do when this step fails <IconExternalLink size={12} aria-hidden />
          </Anchor>
        </Group>
      )}
      <div>
        <Text size="sm" fw={500} mb={4}>
          The step’s input
        </Text>
        <JsonView value={context.input} empty="The step had no input." />
      </div>
    </Stack>
  );
}
