import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { get } from '../api/client.ts';
import type { WorkflowStats } from '../api/workflowTypes.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatDuration } from '../common/formatDuration.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
    </Card>
  );
}

/** Runs of the last 90 days: success rate, durations, runs and failures per day, and per step. */
export function WorkflowStatsPanel({ workflowId }: { workflowId: string }) {
  const stats = useQuery({
    queryKey: ['workflow-stats', workflowId],
    queryFn: () => get<WorkflowStats>(`/api/v1/workflows/${workflowId}/stats`),
  });
  const s = stats.data;
  if (stats.error) return <ErrorAlert error={stats.error} />;
  if (!s) return <Text c="dimmed">Loading…</Text>;
  const byDay = s.byDay.map((d) => ({ day: d.day.slice(5, 10), succeeded: Math.max(d.runs - d.failed, 0), failed: d.failed }));
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
        <Figure label="Runs" value={String(s.runs)} />
        <Figure label="Success rate" value={s.successRate === null ? '—' : `${Math.round(s.successRate * 1000) / 10} %`} />
        <Figure label="Median duration" value={formatDuration(s.durationP50Ms)} />
        <Figure label="95th percentile" value={formatDuration(s.durationP95Ms)} />
      </SimpleGrid>
      <Card withBorder mb="md">
        <Title order={2} size="h5" mb="sm">
          Runs per day
        </Title>
        {byDay.length === 0 ? (
          <Text c="dimmed" size="sm">
            No runs yet.
          </Text>
        ) : (
          <div
            style={{ width: '100%', height: 240 }}
            role="img"
            aria-label={`Runs per day over ${byDay.length} days: ${s.runs} runs, ${s.failed} failed`}
          >
            <ResponsiveContainer>
              <BarChart data={byDay}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} width={32} />
                <Tooltip />
                <Legend />
                <Bar maxBarSize={48} dataKey="succeeded" name="Succeeded" stackId="runs" fill="var(--mantine-color-teal-6)" />
                <Bar maxBarSize={48} dataKey="failed" name="Failed" stackId="runs" fill="var(--mantine-color-red-6)" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h5" mb="sm">
          Steps
        </Title>
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="step-stats">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Step</Table.Th>
                <Table.Th ta="right">Runs</Table.Th>
                <Table.Th ta="right">Failures</Table.Th>
                <Table.Th ta="right">Average time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.steps.map((step) => (
                <Table.Tr key={step.nodeId}>
                  <Table.Td>{step.nodeId}</Table.Td>
                  <Table.Td ta="right">{step.runs}</Table.Td>
                  <Table.Td ta="right" c={step.failures > 0 ? 'red.8' : undefined}>
                    {step.failures}
                  </Table.Td>
                  <Table.Td ta="right">{formatDuration(step.avgMs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </>
  );
}
