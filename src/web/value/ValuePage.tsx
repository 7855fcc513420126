import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { get, withQuery } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { useTeamOptions } from '../common/useTeamOptions.ts';
import { ValueCharts } from './ValueCharts.tsx';
import { ValueKpis } from './ValueKpis.tsx';
import { ValueTables } from './ValueTables.tsx';
import type { ValueDashboard } from './valueTypes.ts';

/** The programme dashboard: ideas, velocity, estimated versus realised value, contributors and live automations. */
export function ValuePage() {
  const [params, setParams] = useSearchParams();
  const query = {
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    categoryId: params.get('categoryId') || undefined,
    teamId: params.get('teamId') || undefined,
  };
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const teams = useTeamOptions();
  const categories = useQuery({
    queryKey: ['idea-categories'],
    queryFn: () => get<{ id: string; name: string }[]>('/api/v1/idea-categories'),
  });
  const view = useQuery({
    queryKey: ['value-dashboard', query],
    queryFn: () => get<ValueDashboard>('/api/v1/value/dashboard', query),
    placeholderData: keepPreviousData,
  });
  const d = view.data;
  return (
    <>
      <PageHeader
        title="Value"
        description="What the automation programme delivers: ideas and how fast they go live, the value estimated against the value measured from the engine's runs (minus the people's time on exceptions, approvals and fixes), and who contributed."
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput type="date" label="From" value={query.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} w={170} />
        <TextInput type="date" label="To" value={query.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} w={170} />
        <Select
          label="Category"
          placeholder="Every category"
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={query.categoryId ?? null}
          onChange={(value) => set('categoryId', value)}
          clearable
          w={200}
        />
        <Select
          label="Team"
          placeholder="Every team"
          data={teams}
          value={query.teamId ?? null}
          onChange={(value) => set('teamId', value)}
          clearable
          searchable
          w={200}
        />
        <Button component="a" variant="default" href={withQuery('/api/v1/value/export.csv', query)} download>
          Export CSV
        </Button>
      </Group>
      {view.error && <ErrorAlert error={view.error} />}
      {!d && !view.error && <Text c="dimmed">Loading…</Text>}
      {d && (
        <Stack gap={0}>
          <Text size="sm" c="dimmed" mb="sm">
            From {d.from.slice(0, 10)} to {d.to.slice(0, 16).replace('T', ' ')} (UTC). Each automation counts from the day it went live.
          </Text>
          <ValueKpis d={d} />
          <ValueCharts d={d} />
          <ValueTables d={d} />
        </Stack>
      )}
    </>
  );
}
