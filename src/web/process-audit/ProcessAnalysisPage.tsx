import { Alert, Anchor, Button, Card, Group, MultiSelect, NumberInput, Select, SimpleGrid, Tabs, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { CandidatesTable, DurationsChart, ResourcesTable, ReworkTable, VariantsTable } from './AnalysisTables.tsx';
import { DottedChartView } from './DottedChartView.tsx';
import { ProcessMapView } from './ProcessMapView.tsx';
import type { Analysis } from './processAuditTypes.ts';
import { shortDuration } from './processMap.ts';

const FILTER_KEYS = [
  'variants',
  'withActivities',
  'withoutActivities',
  'minDurationSeconds',
  'maxDurationSeconds',
  'from',
  'to',
  'attribute',
  'attributeValues',
] as const;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={22} fw={700}>
        {value}
      </Text>
    </Card>
  );
}

/** One event log mined: figures, the process map, variants, durations, rework, hand-overs and candidates, with filters. */
export function ProcessAnalysisPage() {
  const { id = '', workflowId } = useParams();
  const source: Record<string, string> = workflowId ? { workflowId } : { eventLogId: id };
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const set = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const query = useQuery({
    queryKey: ['process-analysis', source, filter],
    queryFn: () => get<Analysis>('/api/v1/process-analyses', { ...source, ...filter }),
    placeholderData: keepPreviousData,
  });
  const a = query.data;
  const filtered = FILTER_KEYS.some((k) => params.get(k));
  const hours = (key: string) => {
    const v = params.get(key);
    return v ? Number(v) / 3600 : '';
  };
  return (
    <>
      <PageHeader
        title={a?.eventLog.name ?? 'Event log'}
        description={
          <>
            How the process really runs, mined from its events.{' '}
            <Anchor component={Link} to="/process-audit">
              All event logs
            </Anchor>
          </>
        }
      />
      {query.error && <ErrorAlert error={query.error} />}
      {a && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mb="md">
            <Figure
              label="Cases"
              value={filtered ? `${a.cases.kept.toLocaleString()} of ${a.cases.total.toLocaleString()}` : a.cases.total.toLocaleString()}
            />
            <Figure label="Events" value={a.numEvents.toLocaleString()} />
            <Figure label="Activities" value={String(a.activities.length)} />
            <Figure label="Variants" value={a.numVariants.toLocaleString()} />
            <Figure label="Median case" value={shortDuration(a.caseDuration?.median ?? null) || '—'} />
            <Figure label="Period" value={a.timeRange ? `${a.timeRange.from.slice(0, 10)} – ${a.timeRange.to.slice(5, 10)}` : '—'} />
          </SimpleGrid>
          <Group mb="md" align="flex-end" wrap="wrap" data-testid="analysis-filters">
            <MultiSelect
              label="Cases with"
              placeholder="any activity"
              data={a.activities.map((x) => x.name)}
              value={params.get('withActivities')?.split(',').filter(Boolean) ?? []}
              onChange={(v) => set({ withActivities: v.join(',') })}
              searchable
              clearable
              w={260}
            />
            <MultiSelect
              label="Cases without"
              placeholder="no exclusion"
              data={a.activities.map((x) => x.name)}
              value={params.get('withoutActivities')?.split(',').filter(Boolean) ?? []}
              onChange={(v) => set({ withoutActivities: v.join(',') })}
              searchable
              clearable
              w={260}
            />
            <NumberInput
              label="Longer than (h)"
              min={0}
              value={hours('minDurationSeconds')}
              onChange={(v) => set({ minDurationSeconds: v === '' ? null : String(Number(v) * 3600) })}
              w={140}
            />
            <NumberInput
              label="Shorter than (h)"
              min={0}
              value={hours('maxDurationSeconds')}
              onChange={(v) => set({ maxDurationSeconds: v === '' ? null : String(Number(v) * 3600) })}
              w={140}
            />
            {a.caseAttributes.length > 0 && (
              <>
                <Select
                  label="Case attribute"
                  placeholder="any"
                  data={a.caseAttributes.map((x) => x.name)}
                  value={params.get('attribute')}
                  onChange={(v) => set({ attribute: v, attributeValues: null })}
                  clearable
                  w={180}
                />
                {params.get('attribute') && (
                  <MultiSelect
                    label="is one of"
                    data={(a.caseAttributes.find((x) => x.name === params.get('attribute'))?.values ?? []).map((v) => ({
                      value: v.value,
                      label: `${v.value} (${v.cases})`,
                    }))}
                    value={params.get('attributeValues')?.split(',').filter(Boolean) ?? []}
                    onChange={(v) => set({ attributeValues: v.join(',') })}
                    searchable
                    w={240}
                  />
                )}
              </>
            )}
            <TextInput
              type="date"
              label="From"
              value={params.get('from')?.slice(0, 10) ?? ''}
              onChange={(e) => set({ from: e.currentTarget.value ? `${e.currentTarget.value}T00:00:00Z` : null })}
              w={150}
            />
            <TextInput
              type="date"
              label="To"
              value={params.get('to')?.slice(0, 10) ?? ''}
              onChange={(e) => set({ to: e.currentTarget.value ? `${e.currentTarget.value}T23:59:59Z` : null })}
              w={150}
            />
            {filtered && (
              <Button variant="subtle" onClick={() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>
                Clear filters
              </Button>
            )}
          </Group>
          {params.get('variants') && (
            <Alert mb="md" color="blue">
              Showing the cases of variant {Number(params.get('variants')) + 1} only.
            </Alert>
          )}
          <Tabs defaultValue="map" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="map">Process map</Tabs.Tab>
              <Tabs.Tab value="candidates">Automation candidates</Tabs.Tab>
              <Tabs.Tab value="variants">Variants</Tabs.Tab>
              <Tabs.Tab value="cases">Case durations</Tabs.Tab>
              <Tabs.Tab value="rework">Rework</Tabs.Tab>
              <Tabs.Tab value="people">Hand-overs</Tabs.Tab>
              <Tabs.Tab value="dotted">Dotted chart</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="map">
              <ProcessMapView analysis={a} />
            </Tabs.Panel>
            <Tabs.Panel value="candidates">
              <CandidatesTable analysis={a} />
            </Tabs.Panel>
            <Tabs.Panel value="variants">
              <VariantsTable analysis={a} onPick={(index) => set({ variants: String(index) })} />
            </Tabs.Panel>
            <Tabs.Panel value="cases">
              <DurationsChart analysis={a} />
            </Tabs.Panel>
            <Tabs.Panel value="rework">
              <ReworkTable analysis={a} />
            </Tabs.Panel>
            <Tabs.Panel value="people">
              <ResourcesTable analysis={a} />
            </Tabs.Panel>
            <Tabs.Panel value="dotted">
              <DottedChartView
                source={{ ...source, ...(Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>) }}
              />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </>
  );
}
