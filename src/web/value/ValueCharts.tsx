import { SimpleGrid } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../common/ChartCard.tsx';
import type { ValueDashboard } from './valueTypes.ts';

const round = (v: number) => Math.round(v * 100) / 100;

/** Ideas by phase, estimated versus realised value week by week, and idea velocity. */
export function ValueCharts({ d }: { d: ValueDashboard }) {
  const series = d.series.map((s) => ({ week: s.week, expected: round(s.expected), actual: round(s.actual) }));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} mb="md" data-testid="value-charts">
      <ChartCard title="Ideas by phase" label={d.byPhase.map((p) => `${p.phase}: ${p.count}`).join(', ')}>
        <BarChart data={d.byPhase}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="phase" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={40} />
          <Tooltip />
          <Bar maxBarSize={40} dataKey="count" name="Ideas" fill="var(--mantine-color-blue-6)" />
        </BarChart>
      </ChartCard>
      <ChartCard title="Estimated vs realised value" label="Estimated and realised value per week">
        <LineChart data={series}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" fontSize={12} />
          <YAxis fontSize={12} width={50} />
          <Tooltip />
          <Legend />
          <Line type="linear" dataKey="expected" name="Estimated" stroke="var(--mantine-color-gray-6)" strokeDasharray="4 4" />
          <Line type="linear" dataKey="actual" name="Realised" stroke="var(--mantine-color-teal-6)" />
        </LineChart>
      </ChartCard>
      <ChartCard title="Idea velocity" label="Ideas submitted per week">
        <BarChart data={d.velocity.submittedPerWeek}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={40} />
          <Tooltip />
          <Bar maxBarSize={40} dataKey="count" name="Submitted" fill="var(--mantine-color-violet-6)" />
        </BarChart>
      </ChartCard>
    </SimpleGrid>
  );
}
