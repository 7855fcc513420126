import { Anchor, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router-dom';
import { DueText } from './DueText.tsx';
import { KindIcon } from './KindIcon.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import type { TaskSummary } from './taskTypes.ts';

export const isActiveTask = (t: { status: string }) => t.status === 'open' || t.status === 'claimed';

/** One task in the inbox table: opens the task page when clicked; claim or give back in place. */
export function TaskRow({
  task,
  meId,
  selected,
  onSelect,
  onClaim,
}: {
  task: TaskSummary;
  meId: string | undefined;
  selected: boolean;
  onSelect: ((checked: boolean) => void) | null;
  onClaim: (task: TaskSummary, action: 'claim' | 'unclaim') => void;
}) {
  const navigate = useNavigate();
  const active = isActiveTask(task);
  // Only tasks one person decides can be claimed (the server checks who may).
  const claimable = task.status === 'open' && task.policy === 'any';
  const mine = task.claimedBy?.id === meId;
  return (
    <Table.Tr
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a,button,input,label')) return;
        navigate(`/tasks/${task.id}`);
      }}
      style={{ cursor: 'pointer' }}
      bg={selected ? 'var(--mantine-color-teal-light)' : undefined}
    >
      <Table.Td w={36}>
        {onSelect && (
          <Checkbox aria-label={`Select “${task.title}”`} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
        )}
      </Table.Td>
      <Table.Td w={44}>
        <KindIcon kind={task.kind} />
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={500}>
            {task.title}
          </Anchor>
          {task.workflowName && (
            <Text size="xs" c="dimmed">
              {task.workflowName}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={task.claimedBy ? undefined : 'dimmed'}>
          {task.claimedBy ? (mine ? 'You' : task.claimedBy.name) : 'Not claimed'}
        </Text>
        {task.kind === 'approval' && task.policy !== 'any' && (
          <Text size="xs" c="dimmed">
            {task.policy === 'all' ? `all ${task.eligible} must approve` : `${task.required} of ${task.eligible} must approve`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <DueText task={task} />
      </Table.Td>
      <Table.Td>
        <TaskStatusBadge status={task.status} outcome={task.outcome} />
      </Table.Td>
      <Table.Td ta="right">
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {claimable && (
            <Button size="compact-sm" variant="default" onClick={() => onClaim(task, 'claim')}>
              Claim
            </Button>
          )}
          {active && task.status === 'claimed' && mine && (
            <Button size="compact-sm" variant="subtle" onClick={() => onClaim(task, 'unclaim')}>
              Give back
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
