import { Anchor, Badge, Button, Group, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../api/client.ts';
import { ValueEaseChart } from '../assessments/ValueEaseChart.tsx';
import { useCan } from '../auth/useCan.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { IdeasKanban } from './IdeasKanban.tsx';
import { type IdeaRow, label, PHASES } from './ideaTypes.ts';
import { SubmitIdeaModal } from './SubmitIdeaModal.tsx';

/** The idea pipeline's table: filter by phase and text, sort by score or votes; submit an idea. */
export function IdeasPage() {
  const canSubmit = useCan('ideas.submit');
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [phase, setPhase] = useState<string | null>(null);
  const [sort, setSort] = useState<string | null>('created');
  const [opened, { open, close }] = useDisclosure(false);
  const [view, setView] = useState<'table' | 'board' | 'queue' | 'matrix'>('table');
  const list = useQuery({
    queryKey: ['ideas', view, search, phase, sort],
    queryFn: () =>
      get<{ items: IdeaRow[]; nextCursor: string | null }>(view === 'queue' ? '/api/v1/ideas/decision-queue' : '/api/v1/ideas', {
        q: search || undefined,
        phase: phase ?? undefined,
        sort: sort ?? 'created',
        limit: view === 'board' ? 200 : 100,
      }),
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Ideas"
        description="What the people who do the work would automate. Each idea gets an instant score from five quick questions; vote for the ones your team has too."
        actions={
          canSubmit && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              Submit an idea
            </Button>
          )
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label="View"
          value={view}
          onChange={(v) => setView(v as typeof view)}
          data={[
            { value: 'table', label: 'Table' },
            { value: 'board', label: 'Board' },
            { value: 'queue', label: 'To decide' },
            { value: 'matrix', label: 'Value × ease' },
          ]}
        />
        <TextInput
          placeholder="Search ideas"
          aria-label="Search ideas"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={300}
        />
        <Select
          placeholder="Any phase"
          aria-label="Phase"
          clearable
          data={PHASES.map((p) => ({ value: p, label: label(p) }))}
          value={phase}
          onChange={setPhase}
          maw={180}
        />
        <Select
          aria-label="Sort"
          data={[
            { value: 'created', label: 'Newest' },
            { value: 'score', label: 'Highest score' },
            { value: 'votes', label: 'Most votes' },
          ]}
          value={sort}
          onChange={setSort}
          maw={180}
        />
      </Group>
      <ErrorAlert error={list.error} />
      {view === 'board' && <IdeasKanban items={items} />}
      {view === 'matrix' && <ValueEaseChart phase={phase} />}
      {(view === 'table' || view === 'queue') && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="ideas-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Idea</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Score</Table.Th>
                <Table.Th>Votes</Table.Th>
                <Table.Th>Submitted</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/ideas/${i.id}`}>
                      {i.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.categoryName}</Table.Td>
                  <Table.Td>{label(i.phase)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {label(i.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {i.score}
                    {!i.feasible && (
                      <Text span size="xs" c="orange">
                        {' '}
                        not feasible now
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{i.votes}</Table.Td>
                  <Table.Td>{formatTime(i.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length === 0 && !list.isPending && view !== 'matrix' && (
        <Text c="dimmed" size="sm" mt="md">
          {view === 'queue' ? 'Nothing waits for your decision.' : search || phase ? 'No idea matches.' : 'No ideas yet.'}
        </Text>
      )}
      <SubmitIdeaModal opened={opened} onClose={close} />
    </>
  );
}
