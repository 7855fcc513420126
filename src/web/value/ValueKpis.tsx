import { Card, SimpleGrid, Text } from '@mantine/core';
import { formatHours, formatMoney, formatPct, type ValueDashboard } from './valueTypes.ts';

function Kpi({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}

/** The window's headline figures: ideas, live automations, estimated and realised value, hours saved, velocity. */
export function ValueKpis({ d }: { d: ValueDashboard }) {
  const k = d.kpis;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md" data-testid="value-kpis">
      <Kpi label="Ideas" value={String(k.ideas)} hint={`${d.velocity.submitted} submitted in the period`} />
      <Kpi label="Live automations" value={String(k.live)} hint={`${d.velocity.wentLive} went live in the period`} />
      <Kpi label="Estimated value" value={formatMoney(k.expected)} hint="expected over the period" />
      <Kpi label="Realised value" value={formatMoney(k.actual)} hint={`realisation ${formatPct(k.realisation)}`} />
      <Kpi label="Hours saved" value={formatHours(k.actualHours)} hint="net of the people's time on tasks" />
      <Kpi
        label="Days to live"
        value={k.medianDaysToLive === null ? '—' : String(Math.round(k.medianDaysToLive * 10) / 10)}
        hint="median, submitted → live"
      />
    </SimpleGrid>
  );
}
