import { Badge } from '@mantine/core';
import type { TaskStatus } from './taskTypes.ts';

const COLORS: Record<TaskStatus, string> = { open: 'blue', claimed: 'indigo', done: 'teal', expired: 'orange', cancelled: 'gray' };

/** A task's status; a closed task also shows its outcome ("done · approved"). */
export function TaskStatusBadge({ status, outcome, size = 'sm' }: { status: TaskStatus; outcome?: string | null; size?: 'sm' | 'md' }) {
  return (
    <Badge color={COLORS[status]} variant="light" size={size}>
      {outcome && status !== 'open' && status !== 'claimed' ? `${status} · ${outcome}` : status}
    </Badge>
  );
}
