import { Card, Group, Progress, Table, Text, Title, Tooltip } from '@mantine/core';
import type { WorkflowStats } from '../api/workflowTypes.ts';
import { formatDuration } from '../common/formatDuration.ts';
import { formatShare, timeShares } from './timeShares.ts';

const COLORS = { working: 'teal', machineWait: 'blue', humanWait: 'orange' } as const;

/** Where the time of ended runs went: working, waiting for machines, waiting for people — shares, totals and per-run percentiles. */
export function TimeBreakdown({ time }: { time: WorkflowStats['time'] }) {
  const shares = timeShares(time);
  return (
    <Card withBorder mb="md" data-testid="time-breakdown">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Where the time goes
        </Title>
        <Text size="xs" c="dimmed">
          {time.runs} ended run{time.runs === 1 ? '' : 's'}
        </Text>
      </Group>
      {time.runs === 0 ? (
        <Text c="dimmed" size="sm">
          No run has ended in this period.
        </Text>
      ) : (
        <>
          <Progress.Root size={22} mb="sm" aria-label="Share of working and waiting time">
            {shares.map((s) =>
              s.share > 0 ? (
                <Tooltip key={s.key} label={`${s.label}: ${formatShare(s.share)}`}>
                  <Progress.Section value={s.share * 100} color={COLORS[s.key]}>
                    <Progress.Label>{s.share >= 0.08 ? formatShare(s.share) : ''}</Progress.Label>
                  </Progress.Section>
                </Tooltip>
              ) : null,
            )}
          </Progress.Root>
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th ta="right">Share</Table.Th>
                  <Table.Th ta="right">Total</Table.Th>
                  <Table.Th ta="right">Median per run</Table.Th>
                  <Table.Th ta="right">95th percentile</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shares.map((s) => (
                  <Table.Tr key={s.key}>
                    <Table.Td>
                      <Text span c={`${COLORS[s.key]}.8`} fw={600}>
                        ●
                      </Text>{' '}
                      {s.label}
                    </Table.Td>
                    <Table.Td ta="right">{formatShare(s.share)}</Table.Td>
                    <Table.Td ta="right">{formatDuration(s.figure.totalMs)}</Table.Td>
                    <Table.Td ta="right">{formatDuration(s.figure.p50Ms)}</Table.Td>
                    <Table.Td ta="right">{formatDuration(s.figure.p95Ms)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            Machines: delays, retry back-offs, rate limits, sub-workflows and the engine between steps. People: time spent in approval, form
            and task steps.
          </Text>
        </>
      )}
    </Card>
  );
}
