import { Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api/client.ts';
import type { WorkflowDiff, WorkflowVersion } from '../api/workflowTypes.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { DiffView } from './DiffView.tsx';

/** Published versions, newest first, and what changed between any two (or a version and the draft). */
export function VersionsPanel({ workflowId }: { workflowId: string }) {
  const versions = useQuery({
    queryKey: ['workflow-versions', workflowId],
    queryFn: async () => (await get<{ items: WorkflowVersion[] }>(`/api/v1/workflows/${workflowId}/versions`)).items,
  });
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string>('draft');
  const diff = useQuery({
    queryKey: ['workflow-diff', workflowId, from, to],
    queryFn: () => get<WorkflowDiff>(`/api/v1/workflows/${workflowId}/diff`, { from, to }),
    enabled: !!from,
  });
  const items = versions.data ?? [];
  const options = items.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));

  return (
    <>
      <ErrorAlert error={versions.error} />
      {items.length === 0 && !versions.isPending && (
        <Text c="dimmed">Not published yet. Publish the draft from the editor to create version 1.</Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table striped data-testid="versions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td fw={600}>v{v.version}</Table.Td>
                  <Table.Td>{formatTime(v.createdAt)}</Table.Td>
                  <Table.Td>{v.note || '—'}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => {
                        setFrom(String(v.version));
                        setTo('draft');
                      }}
                    >
                      Compare with draft
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length > 0 && (
        <Paper withBorder p="md" mt="md">
          <Title order={2} size="h4" mb="sm">
            Compare
          </Title>
          <Group mb="md" align="flex-end">
            <Select label="From" data={options} value={from} onChange={setFrom} placeholder="Version" w={160} />
            <Select
              label="To"
              data={[{ value: 'draft', label: 'Current draft' }, ...options]}
              value={to}
              onChange={(v) => setTo(v ?? 'draft')}
              w={180}
            />
          </Group>
          <ErrorAlert error={diff.error} />
          {diff.data ? <DiffView diff={diff.data} /> : <Text c="dimmed">Choose the version to compare from.</Text>}
        </Paper>
      )}
    </>
  );
}
