import { Badge, Group } from '@mantine/core';
import { useTaskCounts } from './useTaskCounts.ts';

/** The navigation's count of open tasks in my inbox, with the overdue ones in red. */
export function InboxBadge() {
  const { data } = useTaskCounts();
  if (!data || data.inbox === 0) return null;
  const label = `${data.inbox} open task${data.inbox === 1 ? '' : 's'}${data.overdue > 0 ? `, ${data.overdue} overdue` : ''}`;
  return (
    <Group gap={4} wrap="nowrap" aria-label={label} role="status" data-testid="inbox-badge">
      <Badge size="sm" variant="filled" color="teal" aria-hidden>
        {data.inbox}
      </Badge>
      {data.overdue > 0 && (
        <Badge size="sm" variant="filled" color="red" aria-hidden title={`${data.overdue} overdue`}>
          {data.overdue}
        </Badge>
      )}
    </Group>
  );
}
