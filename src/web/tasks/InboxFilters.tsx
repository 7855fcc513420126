import { Group, SegmentedControl, Select } from '@mantine/core';
import type { TaskCounts } from './taskTypes.ts';

export type InboxView = 'inbox' | 'mine' | 'team' | 'all';

const STATUSES = [
  { value: 'active', label: 'Open or claimed' },
  { value: 'open', label: 'Open' },
  { value: 'claimed', label: 'Claimed' },
  { value: 'closed', label: 'Closed (any)' },
  { value: 'done', label: 'Done' },
  { value: 'expired', label: 'Expired' },
  { value: 'cancelled', label: 'Cancelled' },
];
const KINDS = [
  { value: 'approval', label: 'Approvals' },
  { value: 'form', label: 'Forms' },
  { value: 'task', label: 'To-dos' },
  { value: 'exception', label: 'Exceptions' },
];
const DUES = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Due today' },
  { value: 'week', label: 'Due within 7 days' },
  { value: 'none', label: 'No due date' },
];

export interface InboxQuery {
  view: InboxView;
  status: string;
  kind: string;
  due: string;
}

/** The inbox's view (whose tasks) and filters (status, kind, due). */
export function InboxFilters({
  query,
  counts,
  canSeeAll,
  onChange,
}: {
  query: InboxQuery;
  counts: TaskCounts | undefined;
  canSeeAll: boolean;
  onChange: (key: keyof InboxQuery, value: string | null) => void;
}) {
  const n = (k: 'inbox' | 'mine' | 'team') => (counts ? ` (${counts[k]})` : '');
  const views = [
    { value: 'inbox', label: `Inbox${n('inbox')}` },
    { value: 'mine', label: `Mine${n('mine')}` },
    { value: 'team', label: `My teams${n('team')}` },
    ...(canSeeAll ? [{ value: 'all', label: 'All tasks' }] : []),
  ];
  return (
    <Group mb="md" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Whose tasks"
        data={views}
        value={query.view}
        onChange={(v) => onChange('view', v === 'inbox' ? null : v)}
      />
      <Select
        label="Status"
        data={STATUSES}
        value={query.status}
        onChange={(v) => onChange('status', v === 'active' ? null : v)}
        allowDeselect={false}
        w={170}
      />
      <Select
        label="Kind"
        placeholder="Any kind"
        data={KINDS}
        value={query.kind || null}
        onChange={(v) => onChange('kind', v)}
        clearable
        w={150}
      />
      <Select
        label="Due"
        placeholder="Any time"
        data={DUES}
        value={query.due || null}
        onChange={(v) => onChange('due', v)}
        clearable
        w={180}
      />
    </Group>
  );
}
