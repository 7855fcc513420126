import { Anchor, Badge, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatHours, formatMoney, formatPct, type ValueDashboard } from './valueTypes.ts';

/** Top contributors (submitters, builders) and the per-automation table. */
export function ValueTables({ d }: { d: ValueDashboard }) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Card withBorder data-testid="value-submitters">
          <Title order={2} size="h5" mb="sm">
            Top submitters
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Ideas</Table.Th>
                <Table.Th>Live</Table.Th>
                <Table.Th>Realised value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.contributors.submitters.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.ideas}</Table.Td>
                  <Table.Td>{s.liveIdeas}</Table.Td>
                  <Table.Td>{formatMoney(s.realisedValue)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder data-testid="value-builders">
          <Title order={2} size="h5" mb="sm">
            Top builders
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Live automations</Table.Th>
                <Table.Th>Realised value</Table.Th>
                <Table.Th title="Workflows others created from their templates">Template reuse</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.contributors.builders.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{b.name}</Table.Td>
                  <Table.Td>{b.liveAutomations}</Table.Td>
                  <Table.Td>{formatMoney(b.realisedValue)}</Table.Td>
                  <Table.Td>{b.templateReuses}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <Card withBorder data-testid="value-automations">
        <Title order={2} size="h5" mb="sm">
          Live automations
        </Title>
        {d.automations.length === 0 ? (
          <Text c="dimmed" size="sm">
            No live automations in this selection.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Automation</Table.Th>
                  <Table.Th>Expected</Table.Th>
                  <Table.Th>Actual</Table.Th>
                  <Table.Th>Realisation</Table.Th>
                  <Table.Th>Runs (succeeded)</Table.Th>
                  <Table.Th>Human hours</Table.Th>
                  <Table.Th>Min. saved / run</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.automations.map((a) => (
                  <Table.Tr key={a.ideaId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/ideas/${a.ideaId}`}>
                        {a.name}
                      </Anchor>{' '}
                      {a.kind === 'personal' && <Badge size="xs">personal</Badge>}
                      {a.source === 'quick-screen' && (
                        <Badge size="xs" color="gray" variant="light">
                          quick screen
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatMoney(a.expected)}</Table.Td>
                    <Table.Td>{formatMoney(a.actual)}</Table.Td>
                    <Table.Td>{formatPct(a.realisation)}</Table.Td>
                    <Table.Td>
                      {a.runs} ({a.succeededRuns})
                    </Table.Td>
                    <Table.Td>{formatHours(a.humanHours)}</Table.Td>
                    <Table.Td>{Math.round(a.minutesSavedPerRun * 10) / 10}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </>
  );
}
