import { Anchor, Card, Group, Slider, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { get } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatMoney } from './assessmentFormat.ts';
import { type Matrix, type MatrixItem, QUADRANT_LABEL } from './assessmentTypes.ts';

const QUADRANT_COLOR: Record<MatrixItem['quadrant'], string> = {
  'quick-win': 'var(--mantine-color-green-6)',
  'strategic-bet': 'var(--mantine-color-blue-6)',
  'fill-in': 'var(--mantine-color-yellow-6)',
  avoid: 'var(--mantine-color-red-6)',
};

function Dot(props: { cx?: number; cy?: number; payload?: MatrixItem; onOpen: (id: string) => void }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG dot cannot be an HTML link; the table under the chart has real links
    <circle
      cx={cx}
      cy={cy}
      r={7}
      fill={QUADRANT_COLOR[payload.quadrant]}
      stroke="white"
      strokeWidth={1.5}
      style={{ cursor: 'pointer' }}
      data-testid={`matrix-dot-${payload.ideaId}`}
      role="link"
      tabIndex={0}
      aria-label={payload.name}
      onClick={() => props.onOpen(payload.ideaId)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') props.onOpen(payload.ideaId);
      }}
    />
  );
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: { payload: MatrixItem }[] }) {
  const item = active ? payload?.[0]?.payload : undefined;
  if (!item) return null;
  return (
    <Card withBorder p="xs" shadow="sm">
      <Text size="sm" fw={600}>
        {item.name}
      </Text>
      <Text size="xs">
        {QUADRANT_LABEL[item.quadrant]} · ease {Math.round(item.ease)} · net {formatMoney(item.netValuePerYear)} a year · {item.verdict}
      </Text>
    </Card>
  );
}

/**
 * The value × ease 2×2 of the assessed ideas matching the page's filters: ease (0–100) across,
 * normalised net value (0–1) up; the thresholds move the quadrant lines. A dot opens its idea.
 */
export function ValueEaseChart({ phase, categoryId }: { phase?: string | null; categoryId?: string | null }) {
  const navigate = useNavigate();
  const [valueThreshold, setValueThreshold] = useState(0.5);
  const [easeThreshold, setEaseThreshold] = useState(50);
  const matrix = useQuery({
    queryKey: ['assessment-matrix', phase, categoryId, valueThreshold, easeThreshold],
    queryFn: () =>
      get<Matrix>('/api/v1/assessments/matrix', {
        phase: phase ?? undefined,
        categoryId: categoryId ?? undefined,
        valueThreshold,
        easeThreshold,
      }),
  });
  const items = matrix.data?.items ?? [];
  const corner = (x1: number, x2: number, y1: number, y2: number, label: string) => (
    <ReferenceArea x1={x1} x2={x2} y1={y1} y2={y2} fillOpacity={0.04} label={{ value: label, position: 'insideTop', fontSize: 12 }} />
  );
  return (
    <Stack data-testid="value-ease">
      <ErrorAlert error={matrix.error} />
      <Group grow>
        <div>
          <Text size="xs">High value from {Math.round(valueThreshold * 100)} % of the top value</Text>
          <Slider aria-label="Value threshold" min={0} max={1} step={0.05} value={valueThreshold} onChange={setValueThreshold} />
        </div>
        <div>
          <Text size="xs">Easy from ease {easeThreshold}</Text>
          <Slider aria-label="Ease threshold" min={0} max={100} step={5} value={easeThreshold} onChange={setEaseThreshold} />
        </div>
      </Group>
      <Card withBorder>
        <div style={{ width: '100%', height: 420 }} role="img" aria-label={`Value versus ease of ${items.length} assessed ideas`}>
          <ResponsiveContainer>
            <ScatterChart margin={{ top: 20, right: 20, bottom: 20, left: 10 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                type="number"
                dataKey="ease"
                name="Ease"
                domain={[0, 100]}
                label={{ value: 'Ease →', position: 'insideBottom', offset: -10 }}
              />
              <YAxis
                type="number"
                dataKey="valueNorm"
                name="Value"
                domain={[0, 1]}
                label={{ value: 'Value ↑', angle: -90, position: 'insideLeft' }}
              />
              {corner(easeThreshold, 100, valueThreshold, 1, QUADRANT_LABEL['quick-win'])}
              {corner(0, easeThreshold, valueThreshold, 1, QUADRANT_LABEL['strategic-bet'])}
              {corner(easeThreshold, 100, 0, valueThreshold, QUADRANT_LABEL['fill-in'])}
              {corner(0, easeThreshold, 0, valueThreshold, QUADRANT_LABEL.avoid)}
              <ReferenceLine x={easeThreshold} stroke="var(--mantine-color-gray-6)" />
              <ReferenceLine y={valueThreshold} stroke="var(--mantine-color-gray-6)" />
              <Tooltip content={<TooltipBody />} />
              <Scatter
                data={items}
                shape={(p: object) => <Dot {...p} onOpen={(id) => navigate(`/ideas/${id}`)} />}
                isAnimationActive={false}
              />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <Text size="sm" c="dimmed">
        {items.length} assessed idea(s) shown; {matrix.data?.notAssessed ?? 0} matching idea(s) not assessed yet.
      </Text>
      {items.length > 0 && (
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Idea</Table.Th>
              <Table.Th>Quadrant</Table.Th>
              <Table.Th>Ease</Table.Th>
              <Table.Th>Net value a year</Table.Th>
              <Table.Th>Verdict</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.ideaId}>
                <Table.Td>
                  <Anchor component={Link} to={`/ideas/${i.ideaId}`}>
                    {i.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{QUADRANT_LABEL[i.quadrant]}</Table.Td>
                <Table.Td>{Math.round(i.ease)}</Table.Td>
                <Table.Td>{formatMoney(i.netValuePerYear)}</Table.Td>
                <Table.Td>{i.verdict}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
