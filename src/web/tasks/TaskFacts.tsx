import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatTime } from '../common/formatTime.ts';
import { showApiError } from '../common/formErrors.ts';
import { DueText } from './DueText.tsx';
import { ReassignModal } from './ReassignModal.tsx';
import { SLA_LABELS, slaState } from './taskDue.ts';
import type { TaskDetail } from './taskTypes.ts';
import { useDecide } from './useDecide.ts';

const POLICY: Record<TaskDetail['policy'], string> = {
  any: 'Any one decides',
  all: 'Everyone must approve',
  n_of_m: 'N of M must approve',
};

/** The side card: where the task comes from, when it is due, who it is for; claim, give back, reassign. */
export function TaskFacts({ task }: { task: TaskDetail }) {
  const decide = useDecide(task);
  const [reassign, setReassign] = useState(false);
  const sla = SLA_LABELS[slaState(task, Date.now())];
  const can = (a: string) => task.actions.includes(a);
  const act = (action: 'claim' | 'unclaim') =>
    decide(action, {}, action === 'claim' ? 'You claimed this task.' : 'The task is open to its assignees again.').catch(showApiError);
  const row = (label: string, value: React.ReactNode) => (
    <Table.Tr>
      <Table.Th w={110} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Table verticalSpacing={4} fz="sm" data-testid="task-facts">
          <Table.Tbody>
            {task.workflowId &&
              row(
                'Workflow',
                <Anchor component={Link} to={`/workflows/${task.workflowId}`} size="sm">
                  {task.workflowName ?? task.workflowId}
                </Anchor>,
              )}
            {task.runId &&
              row(
                'Run',
                <Anchor component={Link} to={`/runs/${task.runId}`} size="sm" ff="monospace">
                  {task.runId.slice(0, 10)}
                </Anchor>,
              )}
            {task.nodeId &&
              row(
                'Step',
                <Text size="sm" ff="monospace">
                  {task.nodeId}
                </Text>,
              )}
            {row('Opened', formatTime(task.createdAt))}
            {row('Due', <DueText task={task} />)}
            {row(
              'SLA',
              <Badge color={sla.color} variant="light">
                {sla.label}
              </Badge>,
            )}
            {task.escalatedAt && row('Escalated', formatTime(task.escalatedAt))}
            {task.expiresAt && row('Times out', formatTime(task.expiresAt))}
            {task.closedAt && row('Closed', formatTime(task.closedAt))}
            {task.kind === 'approval' && row('Policy', POLICY[task.policy])}
            {task.initiator &&
              row('Started by', `${task.initiator.name}${task.barInitiator && task.kind === 'approval' ? ' (may not approve)' : ''}`)}
            {row('Claimed by', task.claimedBy?.name ?? '—')}
          </Table.Tbody>
        </Table>
        <div>
          <Title order={3} size="h6" mb={4}>
            Assigned to
          </Title>
          <Stack gap={2} data-testid="task-assignees">
            {task.assignees.map((a) => (
              <Text key={`${a.principal}:${a.reason}`} size="sm">
                {a.label}{' '}
                {a.reason !== 'assigned' && (
                  <Text span size="xs" c="dimmed">
                    ({a.reason})
                  </Text>
                )}
              </Text>
            ))}
          </Stack>
        </div>
        {(can('claim') || can('unclaim') || can('reassign')) && (
          <Group gap="xs">
            {can('claim') && (
              <Button size="xs" variant="default" onClick={() => act('claim')}>
                Claim
              </Button>
            )}
            {can('unclaim') && (
              <Button size="xs" variant="default" onClick={() => act('unclaim')}>
                Give back
              </Button>
            )}
            {can('reassign') && (
              <Button size="xs" variant="default" onClick={() => setReassign(true)}>
                Reassign…
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {can('reassign') && <ReassignModal task={task} opened={reassign} onClose={() => setReassign(false)} />}
    </Card>
  );
}
