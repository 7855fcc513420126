import { Anchor, Card, Group, NumberInput, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { get } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { useWorkflowOptions } from '../common/useWorkflowOptions.ts';
import { compareRows } from './compareRows.ts';
import type { Comparison, EventLogView } from './processAuditTypes.ts';

/** Options "log:<id>" and "workflow:<id>" for the two pickers. */
function useSources() {
  const logs = useQuery({
    queryKey: ['event-logs', 'options'],
    queryFn: () => get<Page<EventLogView>>('/api/v1/event-logs', { limit: 200 }),
  });
  const workflows = useWorkflowOptions();
  return [
    { group: 'Imported event logs', items: (logs.data?.items ?? []).map((l) => ({ value: `log:${l.id}`, label: l.name })) },
    { group: 'Workflows (their runs)', items: workflows.map((w) => ({ value: `workflow:${w.id}`, label: w.name })) },
  ];
}

const asQuery = (side: 'before' | 'after', value: string | null) => {
  if (!value) return {};
  const [kind, id] = value.split(':');
  return { [`${side}${kind === 'log' ? 'EventLogId' : 'WorkflowId'}`]: id };
};

/** Before and after automation side by side: throughput, waiting, rework and cost per case. */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const before = params.get('before');
  const after = params.get('after');
  const hourlyCost = params.get('hourlyCost') ?? '40';
  const minutes = params.get('minutesPerPeopleStep') ?? '10';
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const sources = useSources();
  const result = useQuery({
    queryKey: ['process-compare', before, after, hourlyCost, minutes],
    queryFn: () =>
      get<Comparison>('/api/v1/process-analyses/compare', {
        ...asQuery('before', before),
        ...asQuery('after', after),
        hourlyCost,
        minutesPerPeopleStep: minutes,
      }),
    enabled: Boolean(before && after),
    placeholderData: keepPreviousData,
  });
  const c = result.data;
  const rows = c ? compareRows(c) : [];
  return (
    <>
      <PageHeader
        title="Before and after"
        description={
          <>
            Compare how a process ran before automation (an imported log) with the workflow that automates it (its runs): throughput,
            waiting, rework and the cost of people's time per case.{' '}
            <Anchor component={Link} to="/process-audit">
              All event logs
            </Anchor>
          </>
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <Select
          label="Before"
          placeholder="An event log"
          data={sources}
          value={before}
          onChange={(v) => set('before', v)}
          searchable
          w={280}
        />
        <Select label="After" placeholder="A workflow" data={sources} value={after} onChange={(v) => set('after', v)} searchable w={280} />
        <NumberInput label="Cost of an hour (€)" min={0} value={hourlyCost} onChange={(v) => set('hourlyCost', String(v))} w={150} />
        <NumberInput
          label="Minutes per people step"
          min={0}
          value={minutes}
          onChange={(v) => set('minutesPerPeopleStep', String(v))}
          w={170}
        />
      </Group>
      {result.error && <ErrorAlert error={result.error} />}
      {!c && !result.error && (
        <Text c="dimmed" size="sm">
          Choose what to compare.
        </Text>
      )}
      {c && (
        <>
          <Table mb="md" data-testid="compare-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Per case</Table.Th>
                <Table.Th ta="right">{c.before.name}</Table.Th>
                <Table.Th ta="right">{c.after.name}</Table.Th>
                <Table.Th ta="right">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.label}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td ta="right">{r.before}</Table.Td>
                  <Table.Td ta="right">{r.after}</Table.Td>
                  <Table.Td ta="right" c={r.better === null ? undefined : r.better ? 'teal' : 'red'}>
                    {r.change}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {[
              { title: 'Hours per case', keys: ['throughput (median)', 'waiting (mean)'] },
              { title: 'Rework and cost per case', keys: ['rework (%)', 'cost (€)'] },
            ].map((chart) => (
              <Card withBorder key={chart.title}>
                <Title order={2} size="h5" mb="sm">
                  {chart.title}
                </Title>
                <div style={{ width: '100%', height: 240 }} role="img" aria-label={`${chart.title}: before and after`}>
                  <ResponsiveContainer>
                    <BarChart
                      data={rows
                        .filter((r) => chart.keys.includes(r.chartKey))
                        .map((r) => ({ figure: r.chartKey, before: r.beforeValue, after: r.afterValue }))}
                    >
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="figure" fontSize={12} />
                      <YAxis fontSize={12} width={48} />
                      <Tooltip />
                      <Legend />
                      <Bar dataKey="before" name={`Before: ${c.before.name}`} fill="var(--mantine-color-gray-6)" />
                      <Bar dataKey="after" name={`After: ${c.after.name}`} fill="var(--mantine-color-teal-6)" />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </>
  );
}
