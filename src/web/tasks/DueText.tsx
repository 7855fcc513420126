import { Text, Tooltip } from '@mantine/core';
import { formatTime } from '../common/formatTime.ts';
import { describeDue } from './taskDue.ts';

/** When a task is due, relative to now (red when overdue), with the exact time on hover. */
export function DueText({ task }: { task: { dueAt: string | null; status: string; closedAt?: string | null } }) {
  const due = describeDue(task, Date.now());
  const text = (
    <Text size="sm" c={due.overdue ? 'red.8' : task.dueAt ? undefined : 'dimmed'} fw={due.overdue ? 600 : undefined}>
      {due.label}
    </Text>
  );
  return task.dueAt ? <Tooltip label={`Due ${formatTime(task.dueAt)}`}>{text}</Tooltip> : text;
}
