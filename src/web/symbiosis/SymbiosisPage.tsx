import { Alert, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { useTeamOptions } from '../common/useTeamOptions.ts';
import { useWorkflowOptions } from '../common/useWorkflowOptions.ts';
import { SymbiosisCharts } from './SymbiosisCharts.tsx';
import { SymbiosisKpis } from './SymbiosisKpis.tsx';
import { SymbiosisWorkflowTable } from './SymbiosisWorkflowTable.tsx';
import type { SymbiosisView } from './symbiosisTypes.ts';

const PERIODS = [
  { value: '4', label: '4 weeks' },
  { value: '12', label: '12 weeks' },
  { value: '26', label: '26 weeks' },
  { value: '52', label: 'A year' },
];

/** People and the machine, week by week: for the programme, a team's workflows or one workflow. */
export function SymbiosisPage() {
  const [params, setParams] = useSearchParams();
  const workflowId = params.get('workflowId') ?? '';
  const teamId = params.get('teamId') ?? '';
  const weeks = params.get('weeks') ?? '12';
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const teams = useTeamOptions();
  const workflows = useWorkflowOptions();
  const view = useQuery({
    queryKey: ['symbiosis', workflowId, teamId, weeks],
    queryFn: () => get<SymbiosisView>('/api/v1/symbiosis', { workflowId: workflowId || undefined, teamId: teamId || undefined, weeks }),
    placeholderData: keepPreviousData,
  });
  const v = view.data;
  const scopeText = v?.workflow ? `the workflow “${v.workflow.name}”` : v?.team ? `the workflows of ${v.team.name}` : 'every workflow';

  return (
    <>
      <PageHeader
        title="Symbiosis"
        description="How work splits between people and the machine: who does the steps, where the time goes, how fast people answer, how often SLAs are breached and how many exceptions need a person — week by week."
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <Select
          label="Team"
          placeholder="Every team"
          data={teams}
          value={teamId || null}
          onChange={(value) => set({ teamId: value, workflowId: null })}
          clearable
          searchable
          w={220}
        />
        <Select
          label="Workflow"
          placeholder="Every workflow"
          data={workflows.map((w) => ({ value: w.id, label: w.name }))}
          value={workflowId || null}
          onChange={(value) => set({ workflowId: value, teamId: null })}
          clearable
          searchable
          w={260}
        />
        <SegmentedControl aria-label="Period" data={PERIODS} value={weeks} onChange={(value) => set({ weeks: value })} size="xs" />
      </Group>
      {view.error && <ErrorAlert error={view.error} />}
      {!v && !view.error && <Text c="dimmed">Loading…</Text>}
      {v && (
        <Stack gap={0}>
          <Text size="sm" c="dimmed" mb="sm">
            Runs started and tasks opened since the week of {v.since.slice(0, 10)}, for {scopeText}. Time with people is how long tasks were
            open; machine time is the steps' work and their waits (delays, retries, rate limits).
          </Text>
          {v.truncated && (
            <Alert color="yellow" mb="md">
              This period has more than 50,000 runs or tasks; the newest count.
            </Alert>
          )}
          <SymbiosisKpis totals={v.totals} />
          <SymbiosisCharts view={v} />
          {v.scope !== 'workflow' && <SymbiosisWorkflowTable rows={v.workflows} onOpen={(id) => set({ workflowId: id, teamId: null })} />}
        </Stack>
      )}
    </>
  );
}
