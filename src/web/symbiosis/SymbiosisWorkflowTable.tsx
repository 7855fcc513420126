import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatDuration } from '../common/formatDuration.ts';
import { formatShare } from './symbiosisCharts.ts';
import type { SymbiosisView } from './symbiosisTypes.ts';

/** One row per workflow of the team or programme, most people time first; a name opens that workflow's view. */
export function SymbiosisWorkflowTable({ rows, onOpen }: { rows: SymbiosisView['workflows']; onOpen: (workflowId: string) => void }) {
  if (rows.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="symbiosis-workflows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Workflow</Table.Th>
            <Table.Th ta="right">Runs</Table.Th>
            <Table.Th ta="right">Steps by people</Table.Th>
            <Table.Th ta="right">Time with people</Table.Th>
            <Table.Th ta="right">Cycle time (median)</Table.Th>
            <Table.Th ta="right">SLA breached</Table.Th>
            <Table.Th ta="right">Exceptions / 100 runs</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((w) => (
            <Table.Tr key={w.workflowId}>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onOpen(w.workflowId)}>
                  {w.name}
                </Anchor>{' '}
                <Anchor component={Link} to={`/workflows/${w.workflowId}`} size="xs" c="dimmed">
                  editor
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{w.runs}</Table.Td>
              <Table.Td ta="right">
                {formatShare(w.peopleStepShare)}{' '}
                <Text span size="xs" c="dimmed">
                  ({w.peopleSteps})
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatShare(w.peopleTimeShare)}</Table.Td>
              <Table.Td ta="right">{formatDuration(w.cycleP50Ms)}</Table.Td>
              <Table.Td ta="right">{formatShare(w.slaBreachRate)}</Table.Td>
              <Table.Td ta="right">{w.exceptionsPer100Runs === null ? '—' : Math.round(w.exceptionsPer100Runs * 10) / 10}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
