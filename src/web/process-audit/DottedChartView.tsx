import { Card, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { get } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';

interface Dotted {
  activities: string[];
  cases: string[];
  points: [number, number, number][];
  totalCases: number;
}

const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0ca678', '#e03131', '#4263eb', '#868e96'];

/** A row per case, a dot per event over time, coloured by activity (the eight most frequent; the rest grey). */
export function DottedChartView({ source }: { source: Record<string, string> }) {
  const q = useQuery({ queryKey: ['dotted-chart', source], queryFn: () => get<Dotted>('/api/v1/process-analyses/dotted-chart', source) });
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  if (!d) return <Text c="dimmed">Loading…</Text>;
  const counts = new Map<number, number>();
  for (const p of d.points) counts.set(p[2], (counts.get(p[2]) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([a]) => a);
  const series = [...top.map((a) => ({ name: d.activities[a] ?? String(a), ids: new Set([a]) })), { name: 'Other', ids: null }];
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return (
    <Card withBorder data-testid="dotted-chart">
      <Text size="sm" c="dimmed" mb="sm">
        {d.cases.length < d.totalCases ? `${d.cases.length} of ${d.totalCases} cases, sampled evenly in start order. ` : ''}
        Each row is a case (by its first event), each dot an event: waves, batches and slow periods show as shapes.
      </Text>
      <div style={{ width: '100%', height: 460 }} role="img" aria-label={`Dotted chart of ${d.cases.length} cases`}>
        <ResponsiveContainer>
          <ScatterChart margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" dataKey="t" domain={['dataMin', 'dataMax']} tickFormatter={day} fontSize={11} name="Time" />
            <YAxis type="number" dataKey="row" reversed allowDecimals={false} fontSize={11} width={40} name="Case" />
            <Tooltip
              formatter={(v, name) => (name === 'Time' ? new Date(Number(v)).toISOString().replace('T', ' ').slice(0, 16) : String(v))}
            />
            <Legend />
            {series.map((s, i) => (
              <Scatter
                key={s.name}
                name={s.name}
                fill={COLORS[i] ?? '#868e96'}
                isAnimationActive={false}
                shape="circle"
                data={d.points.filter((p) => (s.ids ? s.ids.has(p[2]) : !top.includes(p[2]))).map((p) => ({ row: p[0], t: p[1] }))}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
}
