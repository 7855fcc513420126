import { Card, SimpleGrid, Text } from '@mantine/core';
import { formatDuration } from '../common/formatDuration.ts';
import { formatShare } from './symbiosisCharts.ts';
import type { SymbiosisFigures } from './symbiosisTypes.ts';

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

/** The period's headline figures: who does the steps and holds the time, how fast people answer, SLA and exceptions. */
export function SymbiosisKpis({ totals: t }: { totals: SymbiosisFigures }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md" data-testid="symbiosis-kpis">
      <Kpi label="Runs" value={String(t.runs)} hint={`${t.machineSteps} machine steps`} />
      <Kpi label="Steps by people" value={formatShare(t.peopleStepShare)} hint={`${t.peopleSteps} tasks handed over`} />
      <Kpi label="Time with people" value={formatShare(t.peopleTimeShare)} hint={`${formatDuration(t.peopleMs)} open tasks`} />
      <Kpi label="Task cycle time" value={formatDuration(t.cycleP50Ms)} hint={`median · p90 ${formatDuration(t.cycleP90Ms)}`} />
      <Kpi label="SLA breached" value={formatShare(t.slaBreachRate)} hint={`${t.slaBreached} of ${t.slaTasks} tasks with a due time`} />
      <Kpi
        label="Exceptions / 100 runs"
        value={t.exceptionsPer100Runs === null ? '—' : String(Math.round(t.exceptionsPer100Runs * 10) / 10)}
        hint={`${t.exceptions} exception tasks`}
      />
    </SimpleGrid>
  );
}
