import { SimpleGrid } from '@mantine/core';
import { KpiCard } from '../common/KpiCard.tsx';
import { formatHours, formatMoney, formatPct, type ValueDashboard } from './valueTypes.ts';

/** The window's headline figures: ideas, live automations, estimated and realised value, hours saved, velocity. */
export function ValueKpis({ d }: { d: ValueDashboard }) {
  const k = d.kpis;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md" data-testid="value-kpis">
      <KpiCard label="Ideas" value={String(k.ideas)} hint={`${d.velocity.submitted} submitted in the period`} />
      <KpiCard label="Live automations" value={String(k.live)} hint={`${d.velocity.wentLive} went live in the period`} />
      <KpiCard label="Estimated value" value={formatMoney(k.expected)} hint="expected over the period" />
      <KpiCard label="Realised value" value={formatMoney(k.actual)} hint={`realisation ${formatPct(k.realisation)}`} />
      <KpiCard label="Hours saved" value={formatHours(k.actualHours)} hint="net of the people's time on tasks" />
      <KpiCard
        label="Days to live"
        value={k.medianDaysToLive === null ? '—' : String(Math.round(k.medianDaysToLive * 10) / 10)}
        hint="median, submitted → live"
      />
    </SimpleGrid>
  );
}
