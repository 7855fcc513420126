import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { get } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatMoney, formatMonths, formatPercent, formatRange } from './assessmentFormat.ts';
import { type IdeaAssessment, VERDICT_COLOR, VERDICT_LABEL } from './assessmentTypes.ts';

/** The idea page's summary of its detailed assessment, linking to the assessment page. */
export function AssessmentCard({ ideaId }: { ideaId: string }) {
  const q = useQuery({
    queryKey: ['assessment', ideaId],
    queryFn: () => get<IdeaAssessment>(`/api/v1/assessments/ideas/${ideaId}`),
  });
  const a = q.data?.assessment;
  const v = a?.figures.valuation;
  return (
    <Card withBorder mt="md" data-testid="assessment-card">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Assessment
        </Title>
        {a && (
          <Group gap={6}>
            <Badge color={VERDICT_COLOR[a.verdict]} variant="light">
              {VERDICT_LABEL[a.verdict]}
            </Badge>
            <Badge variant="outline" tt="none">
              {a.easeBucket} · ease {Math.round(a.ease)}
            </Badge>
          </Group>
        )}
      </Group>
      <ErrorAlert error={q.error} />
      {q.data && !a && (
        <Text size="sm" c="dimmed">
          Not assessed yet.
        </Text>
      )}
      {v && (
        <>
          <Text size="sm" mb="xs">
            Net value a year: <b>{formatMoney(v.net.expected)}</b> (PERT)
          </Text>
          <Table fz="sm" withRowBorders={false} verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>low / likely / high</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>Net value a year</Table.Td>
                <Table.Td data-testid="card-net">{formatRange(v.net, formatMoney)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>Payback</Table.Td>
                <Table.Td>{formatRange(v.payback, formatMonths)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>First-year ROI</Table.Td>
                <Table.Td>{formatRange(v.roi, formatPercent)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>3-year NPV</Table.Td>
                <Table.Td>{formatRange(v.npv, formatMoney)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {a.questionnaireOutdated && (
            <Text size="xs" c="orange" mt="xs">
              The questionnaire has a newer version: re-assess to answer it.
            </Text>
          )}
        </>
      )}
      {q.data && (
        <Anchor component={Link} to={`/ideas/${ideaId}/assessment`} size="sm" mt="sm" display="block">
          {a ? 'Open the assessment' : q.data.canAssess ? 'Assess this idea' : 'See the draft assessment'}
        </Anchor>
      )}
    </Card>
  );
}
