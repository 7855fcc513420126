import { Alert, Stack, Text } from '@mantine/core';
import { formatTime } from '../common/formatTime.ts';
import { JsonView } from '../common/JsonView.tsx';
import type { TaskDetail } from './taskTypes.ts';

const TEXT: Record<'done' | 'expired' | 'cancelled', { color: string; title: string }> = {
  done: { color: 'teal', title: 'This task is done' },
  expired: { color: 'orange', title: 'This task timed out' },
  cancelled: { color: 'gray', title: 'This task was cancelled' },
};

/** A closed task: how it ended and what the run received. */
export function ClosedNotice({ task }: { task: TaskDetail }) {
  const t = TEXT[task.status as keyof typeof TEXT];
  if (!t) return null;
  return (
    <Alert color={t.color} title={t.title} role="status" data-testid="task-closed">
      <Stack gap="xs">
        <Text size="sm">
          {task.outcome ? `Outcome: ${task.outcome}. ` : ''}
          {task.closedAt ? `Closed ${formatTime(task.closedAt)}.` : ''}
          {task.status === 'cancelled' ? ' The run ended without it.' : ''}
        </Text>
        {task.result !== null && task.result !== undefined && (
          <>
            <Text size="xs" c="dimmed">
              What the run received:
            </Text>
            <JsonView value={task.result} maxHeight={200} />
          </>
        )}
      </Stack>
    </Alert>
  );
}
