import { SimpleGrid } from '@mantine/core';
import { formatDuration } from '../common/formatDuration.ts';
import { KpiCard } from '../common/KpiCard.tsx';
import { formatShare } from './symbiosisCharts.ts';
import type { SymbiosisFigures } from './symbiosisTypes.ts';

/** The period's headline figures: who does the steps and holds the time, how fast people answer, SLA and exceptions. */
export function SymbiosisKpis({ totals: t }: { totals: SymbiosisFigures }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md" data-testid="symbiosis-kpis">
      <KpiCard label="Runs" value={String(t.runs)} hint={`${t.machineSteps} machine steps`} />
      <KpiCard label="Steps by people" value={formatShare(t.peopleStepShare)} hint={`${t.peopleSteps} tasks handed over`} />
      <KpiCard label="Time with people" value={formatShare(t.peopleTimeShare)} hint={`${formatDuration(t.peopleMs)} open tasks`} />
      <KpiCard label="Task cycle time" value={formatDuration(t.cycleP50Ms)} hint={`median · p90 ${formatDuration(t.cycleP90Ms)}`} />
      <KpiCard label="SLA breached" value={formatShare(t.slaBreachRate)} hint={`${t.slaBreached} of ${t.slaTasks} tasks with a due time`} />
      <KpiCard
        label="Exceptions / 100 runs"
        value={t.exceptionsPer100Runs === null ? '—' : String(Math.round(t.exceptionsPer100Runs * 10) / 10)}
        hint={`${t.exceptions} exception tasks`}
      />
    </SimpleGrid>
  );
}
