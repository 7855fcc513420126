import { Anchor, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { WorkflowSummary } from '../api/workflowTypes.ts';
import { useCan } from '../auth/useCan.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { RunStatusBadge } from '../runs/RunStatusBadge.tsx';
import { ImportWorkflowButton } from './ImportWorkflowButton.tsx';
import { NewWorkflowModal } from './NewWorkflowModal.tsx';
import { WorkflowStatusBadge } from './WorkflowStatusBadge.tsx';

export function WorkflowsPage() {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [opened, { open, close }] = useDisclosure(false);
  const canBuild = useCan('workflows.build');
  const list = usePagedList<WorkflowSummary>('workflows', '/api/v1/workflows', { q: search.trim() || undefined });

  return (
    <>
      <PageHeader
        title="Workflows"
        description="Automations on the workflow engine: edit a draft on the canvas, test it, publish it as a version."
        actions={
          canBuild && (
            <>
              <ImportWorkflowButton />
              <Button leftSection={<IconPlus size={16} />} onClick={open}>
                New workflow
              </Button>
            </>
          )
        }
      />
      <TextInput
        label="Search"
        placeholder="Workflow name"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={320}
        maw="100%"
        mb="md"
      />
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={680}>
        <Table striped highlightOnHover data-testid="workflows-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Workflow</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last run</Table.Th>
              <Table.Th>Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/workflows/${w.id}`} fw={500}>
                    {w.name}
                  </Anchor>
                  {w.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {w.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <WorkflowStatusBadge status={w.status} version={w.publishedVersion} />
                </Table.Td>
                <Table.Td>
                  {w.lastRun ? (
                    <Group gap="xs" wrap="nowrap">
                      <RunStatusBadge status={w.lastRun.status} />
                      <Anchor component={Link} to={`/runs/${w.lastRun.id}`} size="sm">
                        {formatTime(w.lastRun.createdAt)}
                      </Anchor>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never run
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatTime(w.updatedAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore list={list} />
      <NewWorkflowModal opened={opened} onClose={close} />
    </>
  );
}
