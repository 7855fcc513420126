import { Anchor, Group, Select, Table, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import type { RunSummary } from '../api/workflowTypes.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatDuration } from '../common/formatDuration.ts';
import { formatTime } from '../common/formatTime.ts';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useWorkflowOptions } from '../common/useWorkflowOptions.ts';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { isActiveRun } from './statusColors.ts';

const STATUSES = ['queued', 'running', 'waiting', 'succeeded', 'failed', 'cancelled'];

/** Every run, newest first; refreshes every 2 seconds while a listed run is still going. */
export function RunsPage() {
  const [params, setParams] = useSearchParams();
  const workflowId = params.get('workflowId') ?? '';
  const status = params.get('status') ?? '';
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const workflows = useWorkflowOptions();
  const list = usePagedList<RunSummary>(
    'runs',
    '/api/v1/runs',
    { workflowId: workflowId || undefined, status: status || undefined },
    (items) => (items.some((r) => isActiveRun(r.status)) ? 2000 : false),
  );
  const active = list.items.some((r) => isActiveRun(r.status));

  return (
    <>
      <PageHeader
        title="Runs"
        description="Every execution of a workflow: its status, duration and, when it failed, why. Open a run to see each step."
      />
      <Group mb="md" align="flex-end">
        <Select
          label="Workflow"
          placeholder="All workflows"
          data={workflows.map((w) => ({ value: w.id, label: w.name }))}
          value={workflowId || null}
          onChange={(v) => setFilter('workflowId', v)}
          searchable
          clearable
          w={260}
        />
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUSES}
          value={status || null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={180}
        />
        {active && (
          <Text size="sm" c="dimmed" role="status">
            Refreshing while runs are in progress…
          </Text>
        )}
      </Group>
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover data-testid="runs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Run</Table.Th>
              <Table.Th>Workflow</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th ta="right">Duration</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/runs/${r.id}`} ff="monospace" size="sm">
                    {r.id.slice(0, 10)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/workflows/${r.workflowId}`} size="sm">
                    {r.workflowName}
                  </Anchor>
                  <Text span size="xs" c="dimmed" ml={6}>
                    {r.version ? `v${r.version}` : 'draft'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RunStatusBadge status={r.status} />
                  {r.error && (
                    <Text size="xs" c="red.8" lineClamp={1} title={r.error.message}>
                      {r.error.message}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.triggerType}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatTime(r.startedAt ?? r.createdAt)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{formatDuration(r.durationMs)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore list={list} />
    </>
  );
}
