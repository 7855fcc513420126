import { Card, Table, Text, Title } from '@mantine/core';
import type { StepStats } from '../api/workflowTypes.ts';
import { formatDuration } from '../common/formatDuration.ts';

/** Per step: executions, failures, retries, median and 95th-percentile duration, mean working time. */
export function StepStatsTable({ steps }: { steps: StepStats[] }) {
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="sm">
        Steps
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="step-stats">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Step</Table.Th>
              <Table.Th ta="right">Runs</Table.Th>
              <Table.Th ta="right">Failures</Table.Th>
              <Table.Th ta="right">Retries</Table.Th>
              <Table.Th ta="right">Median</Table.Th>
              <Table.Th ta="right">95th percentile</Table.Th>
              <Table.Th ta="right">Average work</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((step) => (
              <Table.Tr key={step.nodeId}>
                <Table.Td>
                  <Text size="sm">{step.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {step.nodeId}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{step.executions}</Table.Td>
                <Table.Td ta="right" c={step.failures > 0 ? 'red.8' : undefined}>
                  {step.failures}
                </Table.Td>
                <Table.Td ta="right" c={step.retries > 0 ? 'orange.8' : undefined}>
                  {step.retries}
                </Table.Td>
                <Table.Td ta="right">{formatDuration(step.durationP50Ms)}</Table.Td>
                <Table.Td ta="right">{formatDuration(step.durationP95Ms)}</Table.Td>
                <Table.Td ta="right">{formatDuration(step.avgWorkMs)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {steps.length === 0 && (
        <Text c="dimmed" size="sm">
          No step ran in this period.
        </Text>
      )}
    </Card>
  );
}
