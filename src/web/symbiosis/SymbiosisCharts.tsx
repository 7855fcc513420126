import { SimpleGrid, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../common/ChartCard.tsx';
import { chartRows } from './symbiosisCharts.ts';
import type { SymbiosisView } from './symbiosisTypes.ts';

const PEOPLE = 'var(--mantine-color-violet-6)';
const MACHINE = 'var(--mantine-color-teal-6)';
const WAIT = 'var(--mantine-color-gray-5)';

/** Week by week: steps and time of people versus the machine, SLA breaches and exceptions, task cycle time. */
export function SymbiosisCharts({ view }: { view: SymbiosisView }) {
  const rows = chartRows(view);
  const t = view.totals;
  if (t.runs === 0 && t.tasksOpened === 0) {
    return (
      <Text c="dimmed" size="sm" mb="md">
        No runs or tasks in this period.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} mb="md" data-testid="symbiosis-charts">
      <ChartCard title="Steps: people and machine" label={`Steps per week: ${t.peopleSteps} by people, ${t.machineSteps} by the machine`}>
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={40} />
          <Tooltip />
          <Legend />
          <Bar maxBarSize={40} dataKey="machineSteps" name="Machine" stackId="s" fill={MACHINE} />
          <Bar maxBarSize={40} dataKey="peopleSteps" name="People" stackId="s" fill={PEOPLE} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Time (hours): people and machine" label="Hours per week with people, machine working and machine waiting">
        <BarChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" fontSize={12} />
          <YAxis fontSize={12} width={40} />
          <Tooltip />
          <Legend />
          <Bar maxBarSize={40} dataKey="machineWorkHours" name="Machine working" stackId="t" fill={MACHINE} />
          <Bar maxBarSize={40} dataKey="machineWaitHours" name="Machine waiting" stackId="t" fill={WAIT} />
          <Bar maxBarSize={40} dataKey="peopleHours" name="With people" stackId="t" fill={PEOPLE} />
        </BarChart>
      </ChartCard>
      <ChartCard title="SLA breaches and exceptions" label="SLA breach rate in percent and exceptions per 100 runs, per week">
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" fontSize={12} />
          <YAxis fontSize={12} width={40} />
          <Tooltip />
          <Legend />
          <Line type="linear" dataKey="slaBreachPct" name="SLA breached (%)" stroke="var(--mantine-color-red-6)" connectNulls />
          <Line type="linear" dataKey="exceptionsPer100" name="Exceptions / 100 runs" stroke="var(--mantine-color-orange-6)" connectNulls />
        </LineChart>
      </ChartCard>
      <ChartCard title="Task cycle time (hours)" label="Median and 90th percentile of task cycle time per week, in hours">
        <LineChart data={rows}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" fontSize={12} />
          <YAxis fontSize={12} width={40} />
          <Tooltip />
          <Legend />
          <Line type="linear" dataKey="cycleP50Hours" name="Median" stroke={PEOPLE} connectNulls />
          <Line type="linear" dataKey="cycleP90Hours" name="90th percentile" stroke="var(--mantine-color-grape-3)" connectNulls />
        </LineChart>
      </ChartCard>
    </SimpleGrid>
  );
}
