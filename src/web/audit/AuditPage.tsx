import { ActionIcon, Badge, Button, Group, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { withQuery } from '../api/client.ts';
import type { AuditEvent } from '../api/types.ts';
import { formatTime } from '../common/formatTime.ts';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { ValueDiff } from './ValueDiff.tsx';

const EMPTY = { action: '', objectType: '', objectId: '', actorId: '', from: '', to: '', q: '' };

/** datetime-local (local time, no zone) → ISO 8601 UTC for the API. */
function toIso(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

function objectLabel(e: AuditEvent): string {
  const value = (e.after ?? e.before) as Record<string, unknown> | null;
  const name = value && typeof value === 'object' ? (value.name ?? value.email ?? value.userName) : null;
  return typeof name === 'string' ? `${e.objectType} “${name}”` : `${e.objectType} ${e.objectId ?? ''}`;
}

export function AuditPage() {
  const [filters, setFilters] = useState(EMPTY);
  const [debounced] = useDebouncedValue(filters, 300);
  const [open, setOpen] = useState<string | null>(null);
  const query = {
    action: debounced.action || undefined,
    objectType: debounced.objectType || undefined,
    objectId: debounced.objectId || undefined,
    actorId: debounced.actorId || undefined,
    from: toIso(debounced.from),
    to: toIso(debounced.to),
    q: debounced.q || undefined,
  };
  const list = usePagedList<AuditEvent>('audit', '/api/v1/audit-events', query);
  const field = (key: keyof typeof EMPTY) => ({
    value: filters[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setFilters((f) => ({ ...f, [key]: e.currentTarget.value })),
  });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to shared data: who, what, when, before and after. Entries can never be changed or deleted."
        actions={
          <>
            <Button
              component="a"
              href={withQuery('/api/v1/audit-events/export', { ...query, format: 'csv' })}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              Export CSV
            </Button>
            <Button
              component="a"
              href={withQuery('/api/v1/audit-events/export', { ...query, format: 'json' })}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              Export JSON
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm" mb="md" component="form" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label="Search" placeholder="Any text" {...field('q')} />
          <TextInput label="Action" placeholder="team.create or team." {...field('action')} />
          <TextInput label="Object type" placeholder="user, team, role_assignment…" {...field('objectType')} />
          <TextInput label="Object id" {...field('objectId')} />
          <TextInput label="Actor (user id)" {...field('actorId')} />
          <TextInput label="From" type="datetime-local" {...field('from')} />
          <TextInput label="To" type="datetime-local" {...field('to')} />
          <Group align="flex-end">
            <Button variant="subtle" onClick={() => setFilters(EMPTY)}>
              Clear filters
            </Button>
          </Group>
        </SimpleGrid>
      </Paper>
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="audit-table" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32} />
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Object</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((e) => {
              const expanded = open === e.id;
              return (
                <Fragment key={e.id}>
                  <Table.Tr>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        aria-expanded={expanded}
                        aria-label={expanded ? 'Hide details' : 'Show details'}
                        onClick={() => setOpen(expanded ? null : e.id)}
                      >
                        {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td>{formatTime(e.occurredAt)}</Table.Td>
                    <Table.Td>
                      {e.actorLabel}
                      {e.actorType !== 'user' && (
                        <Badge ml={6} size="xs" variant="outline">
                          {e.actorType}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {e.action}
                      </Text>
                    </Table.Td>
                    <Table.Td>{objectLabel(e)}</Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <ValueDiff before={e.before} after={e.after} />
                        <Text size="xs" c="dimmed" mt="xs">
                          request {e.requestId ?? '—'} · address {e.ip ?? '—'} · object id {e.objectId ?? '—'} · event {e.id}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        count={list.items.length}
      />
    </>
  );
}
