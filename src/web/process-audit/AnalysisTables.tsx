import { Anchor, Badge, Button, Card, Group, Progress, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CandidateIdeaModal } from './CandidateIdeaModal.tsx';
import { CsvButton } from './CsvButton.tsx';
import type { Analysis } from './processAuditTypes.ts';
import { shortDuration } from './processMap.ts';

function Section({ title, children, csv }: { title: string; children: ReactNode; csv?: ReactNode }) {
  return (
    <Card withBorder mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {csv}
      </Group>
      {children}
    </Card>
  );
}

const pct = (v: number) => `${Math.round(v * 1000) / 10} %`;

/** Automation candidates, best first, with each factor's part of the score. */
export function CandidatesTable({ analysis }: { analysis: Analysis }) {
  const rows = analysis.candidates;
  const [chosen, setChosen] = useState<(typeof rows)[number] | null>(null);
  return (
    <Section
      title="Automation candidates"
      csv={
        <CsvButton
          name="candidates"
          rows={rows}
          columns={['activity', 'score', 'events', 'cases', 'medianWaitSeconds', 'reworkRate', 'handoverRate', 'resources']}
        />
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        Scored from how often the activity runs, how much time and waiting it holds, its rework, hand-overs, how many people do it and how
        regular its timing is (docs/process-audit.md). Hover a bar for each factor's part.
      </Text>
      <Table.ScrollContainer minWidth={700}>
        <Table data-testid="candidates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Activity</Table.Th>
              <Table.Th w={200}>Score</Table.Th>
              <Table.Th ta="right">Events</Table.Th>
              <Table.Th ta="right">Wait before (median)</Table.Th>
              <Table.Th ta="right">Rework</Table.Th>
              <Table.Th ta="right">Hand-overs</Table.Th>
              <Table.Th ta="right">People</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.activity}>
                <Table.Td>{c.activity}</Table.Td>
                <Table.Td
                  title={Object.entries(c.contributions)
                    .map(([k, v]) => `${k}: ${v.toFixed(1)}`)
                    .join('\n')}
                >
                  <Group gap="xs" wrap="nowrap">
                    <Progress value={c.score} w={120} />
                    <Text size="sm">{Math.round(c.score)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{c.events.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{shortDuration(c.medianWaitSeconds) || '—'}</Table.Td>
                <Table.Td ta="right">{pct(c.reworkRate)}</Table.Td>
                <Table.Td ta="right">{pct(c.handoverRate)}</Table.Td>
                <Table.Td ta="right">{c.resources}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="light" onClick={() => setChosen(c)}>
                    Make it an idea
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CandidateIdeaModal
        key={chosen?.activity ?? 'none'}
        candidate={chosen}
        logName={analysis.eventLog.name}
        onClose={() => setChosen(null)}
      />
    </Section>
  );
}

/** Variants with counts and coverage; a click keeps only that variant's cases. */
export function VariantsTable({ analysis, onPick }: { analysis: Analysis; onPick: (index: number) => void }) {
  const rows = analysis.variants.map((v) => ({ ...v, steps: v.activities.length }));
  return (
    <Section
      title={`Variants (${analysis.numVariants.toLocaleString()})`}
      csv={<CsvButton name="variants" rows={rows} columns={['index', 'count', 'coverage', 'meanDurationSeconds', 'activities']} />}
    >
      <Table.ScrollContainer minWidth={700}>
        <Table data-testid="variants-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th ta="right">Cases</Table.Th>
              <Table.Th ta="right">Coverage</Table.Th>
              <Table.Th ta="right">Mean duration</Table.Th>
              <Table.Th>Sequence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, 50).map((v) => (
              <Table.Tr key={v.index}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => onPick(v.index)} title="Keep only this variant's cases">
                    {v.index + 1}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{v.count.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{pct(v.coverage)}</Table.Td>
                <Table.Td ta="right">{shortDuration(v.meanDurationSeconds)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{v.activities.join(' → ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** Case durations as a histogram, with the figures. */
export function DurationsChart({ analysis }: { analysis: Analysis }) {
  const d = analysis.caseDuration;
  const bins = analysis.caseDurationHistogram.map((b) => ({ range: `${shortDuration(b.from)}–${shortDuration(b.to)}`, cases: b.count }));
  return (
    <Section title="Case durations">
      <Text size="sm" c="dimmed" mb="sm">
        {d
          ? `Median ${shortDuration(d.median)}, mean ${shortDuration(d.mean)}, shortest ${shortDuration(d.min)}, longest ${shortDuration(d.max)}; a new case every ${shortDuration(analysis.caseArrivalAverageSeconds)} on average.`
          : 'No cases.'}
      </Text>
      <div style={{ width: '100%', height: 240 }} role="img" aria-label="Histogram of case durations">
        <ResponsiveContainer>
          <BarChart data={bins}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="range" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={12} width={40} />
            <Tooltip />
            <Bar dataKey="cases" name="Cases" fill="var(--mantine-color-blue-6)" />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Section>
  );
}

/** Rework per activity: self-loops vs repetitions, repeat (same person) vs redo (someone else). */
export function ReworkTable({ analysis }: { analysis: Analysis }) {
  const rows = analysis.activities.filter((a) => a.reworkCases > 0).sort((a, b) => b.reworkCases - a.reworkCases);
  return (
    <Section
      title="Rework"
      csv={
        <CsvButton
          name="rework"
          rows={rows}
          columns={['name', 'reworkCases', 'selfLoops', 'repetitions', 'repeatSameResource', 'redoOtherResource']}
        />
      }
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No activity is done twice in a case.
        </Text>
      ) : (
        <Table data-testid="rework-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Activity</Table.Th>
              <Table.Th ta="right">Cases with rework</Table.Th>
              <Table.Th ta="right">Self-loops</Table.Th>
              <Table.Th ta="right">Repetitions</Table.Th>
              <Table.Th ta="right">Repeat (same person)</Table.Th>
              <Table.Th ta="right">Redo (someone else)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.name}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td ta="right">
                  {a.reworkCases}{' '}
                  <Badge size="xs" variant="light">
                    {pct(a.reworkCases / Math.max(1, a.cases))}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{a.selfLoops}</Table.Td>
                <Table.Td ta="right">{a.repetitions}</Table.Td>
                <Table.Td ta="right">{a.repeatSameResource}</Table.Td>
                <Table.Td ta="right">{a.redoOtherResource}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** Who does the work, and the most frequent hand-overs between people. */
export function ResourcesTable({ analysis }: { analysis: Analysis }) {
  return (
    <Section
      title="Resources and hand-overs"
      csv={<CsvButton name="handovers" rows={analysis.handovers} columns={['source', 'target', 'count']} />}
    >
      <Table data-testid="handovers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th ta="right">Hand-overs</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analysis.handovers.slice(0, 30).map((h) => (
            <Table.Tr key={`${h.source}>${h.target}`}>
              <Table.Td>{h.source}</Table.Td>
              <Table.Td>{h.target}</Table.Td>
              <Table.Td ta="right">{h.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {analysis.resources.length} resources; busiest:{' '}
        {[...analysis.resources]
          .sort((a, b) => b.events - a.events)
          .slice(0, 5)
          .map((r) => `${r.name} (${r.events})`)
          .join(', ') || '—'}
      </Text>
    </Section>
  );
}
