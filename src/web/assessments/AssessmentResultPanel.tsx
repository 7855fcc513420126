import { Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { formatMoney, formatMonths, formatNumber, formatPercent } from './assessmentFormat.ts';
import { type Figures, type MaybeThreePoint, VERDICT_COLOR, VERDICT_LABEL } from './assessmentTypes.ts';

function Row({ label, r, f, testId }: { label: string; r: MaybeThreePoint; f: (x: number | null) => string; testId?: string }) {
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{f(r.low)}</Table.Td>
      <Table.Td ta="right">{f(r.likely)}</Table.Td>
      <Table.Td ta="right">{f(r.high)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {r.expected === null ? '—' : f(r.expected)}
      </Table.Td>
    </Table.Tr>
  );
}

function RangeTable({ children }: { children: React.ReactNode }) {
  return (
    <Table fz="xs" verticalSpacing={2} horizontalSpacing={6} mb="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="right">low</Table.Th>
          <Table.Th ta="right">likely</Table.Th>
          <Table.Th ta="right">high</Table.Th>
          <Table.Th ta="right">PERT</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

/** The live figures: AS-IS, potential and ease with each factor, benefit, costs, net value, payback, ROI, NPV. */
export function AssessmentResultPanel({ figures, minutesSavedPerRun }: { figures: Figures; minutesSavedPerRun: number }) {
  const v = figures.valuation;
  const cal = figures.calibration;
  return (
    <Card withBorder data-testid="assessment-result">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          Result
        </Title>
        <Badge color={VERDICT_COLOR[v.verdict]} size="lg" variant={v.verdict === 'not-viable' ? 'filled' : 'light'} data-testid="verdict">
          {VERDICT_LABEL[v.verdict]}
        </Badge>
      </Group>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        Today (AS-IS)
      </Text>
      <RangeTable>
        <Row label="Hours a year" r={figures.asIs.hours} f={formatNumber} testId="asis-hours" />
        <Row label="Cost a year" r={figures.asIs.cost} f={formatMoney} />
        <Row label="FTE" r={figures.asIs.fte} f={(x) => (x === null ? '—' : x.toFixed(2))} />
      </RangeTable>
      <Text size="sm">
        Automation potential <b data-testid="potential">{formatPercent(figures.potential.potential)}</b>
        {figures.potential.factors
          .filter((f) => f.penalty > 0)
          .map((f) => ` · ${f.factor} −${formatPercent(f.penalty)}`)
          .join('')}
      </Text>
      <Text size="sm" mb="xs">
        Ease <b data-testid="ease">{Math.round(figures.ease.ease)}</b> ({figures.ease.bucket})
      </Text>
      {figures.ease.factors.length > 0 && (
        <Text size="xs" c="dimmed" mb="sm">
          Points lost: {figures.ease.factors.map((f) => `${f.factor} ${f.pointsLost.toFixed(1)}`).join(' · ')}
        </Text>
      )}
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        Value
      </Text>
      <RangeTable>
        <Row label="Hours saved a year" r={v.hoursSaved} f={formatNumber} />
        <Row label="Benefit a year" r={v.benefit} f={formatMoney} />
        <Row label="Build cost" r={v.build} f={formatMoney} />
        <Row label="Running cost a year" r={v.run} f={formatMoney} />
        <Row label="Net value a year" r={v.net} f={formatMoney} testId="net" />
        <Row label="Payback" r={v.payback} f={formatMonths} testId="payback" />
        <Row label="First-year ROI" r={v.roi} f={formatPercent} />
        <Row label="3-year NPV" r={v.npv} f={formatMoney} />
      </RangeTable>
      <Text size="xs" c="dimmed">
        A successful run saves about {formatNumber(minutesSavedPerRun)} minutes.
      </Text>
      {cal && (
        <>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm">
            Calibrated × {cal.factor.toFixed(2)} (what this category’s automations really delivered)
          </Text>
          <RangeTable>
            <Row label="Net value a year" r={cal.valuation.net} f={formatMoney} testId="calibrated-net" />
            <Row label="Payback" r={cal.valuation.payback} f={formatMonths} />
          </RangeTable>
        </>
      )}
    </Card>
  );
}
