import { Anchor, Button, Card, FileInput, Group, Progress, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { uploadWithProgress, withQuery } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useWorkflowOptions } from '../common/useWorkflowOptions.ts';
import type { EventLogView } from './processAuditTypes.ts';

const MAPPING = [
  { key: 'caseColumn', label: 'Case column', hint: 'CSV: the case id' },
  { key: 'activityColumn', label: 'Activity column', hint: 'CSV: the activity' },
  { key: 'timestampColumn', label: 'Timestamp column', hint: 'CSV: when it happened' },
  { key: 'resourceColumn', label: 'Resource column', hint: 'Optional: who did it' },
  { key: 'timezone', label: 'Time zone', hint: 'For times without an offset (default UTC)' },
] as const;

/** Imported event logs, and importing one (CSV or XES, gzipped or not) with a progress bar. */
export function ProcessAuditPage() {
  const list = usePagedList<EventLogView>('event-logs', '/api/v1/event-logs', {});
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const workflows = useWorkflowOptions();

  async function importLog() {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const created = await uploadWithProgress<EventLogView>(withQuery('/api/v1/event-logs', mapping), file, setProgress);
      await queryClient.invalidateQueries({ queryKey: ['event-logs'] });
      navigate(`/process-audit/${created.id}`);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setProgress(null);
    }
  }

  return (
    <>
      <PageHeader
        title="Process audit"
        description="Import an event log from any system (CSV or XES) to see how work really flows: the process map, variants, waiting times, rework and hand-overs — and which activities are worth automating."
        actions={
          <Button component={Link} to="/process-audit/compare" variant="default">
            Before and after
          </Button>
        }
      />
      <Card withBorder mb="lg">
        <Title order={2} size="h4" mb="xs">
          Import an event log
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          One row per event: a case id, an activity and a timestamp (a resource is optional). XES files need no mapping; for CSV, name the
          columns unless they are called case, activity and timestamp. Delimiter and date format are detected.
        </Text>
        <FileInput
          label="File"
          placeholder=".xes, .xes.gz, .csv or .csv.gz"
          accept=".xes,.gz,.csv,.tsv,.txt"
          value={file}
          onChange={setFile}
          clearable
          mb="sm"
        />
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} mb="sm">
          {MAPPING.map((m) => (
            <TextInput
              key={m.key}
              label={m.label}
              description={m.hint}
              value={mapping[m.key] ?? ''}
              onChange={(e) => setMapping({ ...mapping, [m.key]: e.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        {progress !== null && (
          <Progress value={progress * 100} mb="sm" animated={progress >= 1} aria-label="Upload progress" data-testid="import-progress" />
        )}
        {progress !== null && progress >= 1 && (
          <Text size="sm" c="dimmed" mb="sm">
            Uploaded; reading and storing the events…
          </Text>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button onClick={importLog} disabled={!file} loading={progress !== null}>
            Import
          </Button>
        </Group>
      </Card>
      {list.error && <ErrorAlert error={list.error} />}
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover data-testid="event-logs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event log</Table.Th>
              <Table.Th ta="right">Events</Table.Th>
              <Table.Th ta="right">Cases</Table.Th>
              <Table.Th ta="right">Activities</Table.Th>
              <Table.Th ta="right">Variants</Table.Th>
              <Table.Th>From – to</Table.Th>
              <Table.Th>Imported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/process-audit/${l.id}`}>
                    {l.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {l.sourceFile}
                    {l.skippedEvents > 0 ? ` · ${l.skippedEvents} incomplete events left out` : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{l.numEvents.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{l.numCases.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{l.numActivities}</Table.Td>
                <Table.Td ta="right">{l.numVariants.toLocaleString()}</Table.Td>
                <Table.Td>
                  {l.firstEventAt.slice(0, 10)} – {l.lastEventAt.slice(0, 10)}
                </Table.Td>
                <Table.Td>{formatTime(l.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.items.length === 0 && !list.isLoading && (
        <Text c="dimmed" size="sm" ta="center" my="md">
          No event logs yet. Export one from your ERP, ticketing or order system and import it above, or use `symbiont audit import`.
        </Text>
      )}
      <LoadMore list={list} />
      <Card withBorder mt="lg">
        <Title order={2} size="h4" mb="xs">
          Your workflows as processes
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          No import needed: each workflow's runs are an event log — each run a case, each step an event, people who decided its tasks as
          resources. Compare a process before automation with the workflow that automates it.
        </Text>
        <Group gap="xs" data-testid="workflow-logs">
          {workflows.map((w) => (
            <Button key={w.id} component={Link} to={`/process-audit/workflow/${w.id}`} variant="light" size="xs">
              {w.name}
            </Button>
          ))}
        </Group>
      </Card>
    </>
  );
}
