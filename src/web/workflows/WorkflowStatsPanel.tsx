import { Alert, Card, Group, SegmentedControl, SimpleGrid, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { get } from '../api/client.ts';
import type { WorkflowStats } from '../api/workflowTypes.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatDuration } from '../common/formatDuration.ts';
import { StepStatsTable } from './StepStatsTable.tsx';
import { TimeBreakdown } from './TimeBreakdown.tsx';

const PERIODS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'A year' },
];

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

/** A workflow's runs of a period: success rate, durations, where the time went, runs per day, and per step. */
export function WorkflowStatsPanel({ workflowId }: { workflowId: string }) {
  const [days, setDays] = useState('90');
  const stats = useQuery({
    queryKey: ['workflow-stats', workflowId, days],
    queryFn: () => get<WorkflowStats>(`/api/v1/workflows/${workflowId}/stats`, { days }),
    placeholderData: keepPreviousData,
  });
  const s = stats.data;
  if (stats.error) return <ErrorAlert error={stats.error} />;
  if (!s) return <Text c="dimmed">Loading…</Text>;
  const byDay = s.byDay.map((d) => ({ day: d.day.slice(5, 10), succeeded: Math.max(d.runs - d.failed, 0), failed: d.failed }));
  return (
    <>
      <Group justify="space-between" mb="md" wrap="wrap">
        <Text size="sm" c="dimmed">
          Runs started in the last {s.days} days.
        </Text>
        <SegmentedControl aria-label="Period" data={PERIODS} value={days} onChange={setDays} size="xs" />
      </Group>
      {s.truncated && (
        <Alert color="yellow" mb="md">
          This period has more runs than the statistics read; the newest 50,000 are counted.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md">
        <Figure label="Runs" value={String(s.runs)} />
        <Figure label="Success rate" value={s.successRate === null ? '—' : `${Math.round(s.successRate * 1000) / 10} %`} />
        <Figure label="Median duration" value={formatDuration(s.durationP50Ms)} />
        <Figure label="95th percentile" value={formatDuration(s.durationP95Ms)} />
      </SimpleGrid>
      <TimeBreakdown time={s.time} />
      <Card withBorder mb="md">
        <Title order={2} size="h5" mb="sm">
          Runs per day
        </Title>
        {byDay.length === 0 ? (
          <Text c="dimmed" size="sm">
            No runs in this period.
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
      <StepStatsTable steps={s.steps} />
    </>
  );
}
