import { Button, Table, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { withQuery } from '../api/client.ts';
import type { AuditEvent } from '../api/types.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { AuditFilters, EMPTY_FILTERS } from './AuditFilters.tsx';
import { AuditRow } from './AuditRow.tsx';

/** datetime-local (local time, no zone) → ISO 8601 UTC for the API. */
function toIso(local: string): string | undefined {
  const date = local ? new Date(local) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

export function AuditPage() {
  const [filters, setFilters] = useState(EMPTY_FILTERS);
  const [debounced] = useDebouncedValue(filters, 300);
  const [open, setOpen] = useState<string | null>(null);
  const query = {
    action: debounced.action.trim() || undefined,
    objectType: debounced.objectType.trim() || undefined,
    objectId: debounced.objectId.trim() || undefined,
    actorId: debounced.actorId || undefined,
    from: toIso(debounced.from),
    to: toIso(debounced.to),
    q: debounced.q.trim() || undefined,
  };
  const list = usePagedList<AuditEvent>('audit', '/api/v1/audit-events', query);
  const exportLink = (format: 'csv' | 'json') => withQuery('/api/v1/audit-events/export', { ...query, format });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to shared data: who, what, when, before and after. Entries can never be changed or deleted."
        actions={
          <>
            <Button component="a" href={exportLink('csv')} download variant="default" leftSection={<IconDownload size={16} />}>
              Export CSV
            </Button>
            <Button component="a" href={exportLink('json')} download variant="default" leftSection={<IconDownload size={16} />}>
              Export JSON
            </Button>
          </>
        }
      />
      <AuditFilters value={filters} onChange={setFilters} />
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="audit-table" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <VisuallyHidden>Details</VisuallyHidden>
              </Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Object</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((e) => (
              <AuditRow key={e.id} event={e} expanded={open === e.id} onToggle={() => setOpen(open === e.id ? null : e.id)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore list={list} />
    </>
  );
}
