import { Anchor, Badge, Button, Group, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get, post } from '../api/client.ts';
import { useSession } from '../auth/useSession.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { DelegationModal } from './DelegationModal.tsx';
import type { Delegation } from './taskTypes.ts';
import { delegationState } from './taskViews.ts';
import { COUNTS_KEY } from './useTaskCounts.ts';

/** Out of office: who stands in for whom, and when; create and end delegations. */
export function AwayPage() {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const canManage = session?.permissions.includes('tasks.manage') ?? false;
  const [all, setAll] = useState(false);
  const [ended, setEnded] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['delegations', { all, ended }],
    queryFn: () => get<{ items: Delegation[] }>('/api/v1/tasks/delegations', { all: all || undefined, includeEnded: ended || undefined }),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['delegations'] }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      queryClient.invalidateQueries({ queryKey: COUNTS_KEY }),
    ]);
  const me = session?.user.id;
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Out of office"
        description={
          <>
            While you are away, a stand-in sees and decides the tasks assigned to you personally; each decision is marked as taken on your
            behalf. Back to the{' '}
            <Anchor component={Link} to="/tasks" size="sm">
              inbox
            </Anchor>
            .
          </>
        }
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New delegation
          </Button>
        }
      />
      <Group mb="md">
        {canManage && <Switch label="Everyone’s" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />}
        <Switch label="Show ended" checked={ended} onChange={(e) => setEnded(e.currentTarget.checked)} />
      </Group>
      <ErrorAlert error={list.error} />
      {!list.isPending && items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="delegations-empty">
          No delegation. Going on holiday? Add one so that your tasks do not wait for you.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="delegations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Away</Table.Th>
                <Table.Th>Stand-in</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>Until</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => {
                const s = delegationState(d, Date.now());
                return (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.user.id === me ? 'You' : d.user.name}</Table.Td>
                    <Table.Td>{d.delegate.id === me ? 'You' : d.delegate.name}</Table.Td>
                    <Table.Td>{formatTime(d.startsAt)}</Table.Td>
                    <Table.Td>{formatTime(d.cancelledAt ?? d.endsAt)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {d.note || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={s === 'active' ? 'teal' : s === 'planned' ? 'blue' : 'gray'} variant="light">
                        {s}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {!d.cancelledAt && Date.parse(d.endsAt) > Date.now() && (d.user.id === me || canManage) && (
                        <ConfirmButton
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          question={`End the delegation to ${d.delegate.name} now?`}
                          confirmLabel="End now"
                          onConfirm={async () => {
                            try {
                              await post(`/api/v1/tasks/delegations/${d.id}/cancel`);
                              notifySuccess('Delegation ended.');
                              await refresh();
                            } catch (e) {
                              showApiError(e);
                            }
                          }}
                        >
                          End
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DelegationModal opened={creating} onClose={() => setCreating(false)} onCreated={refresh} canManage={canManage} />
    </>
  );
}
