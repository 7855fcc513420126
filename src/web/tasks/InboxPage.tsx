import { Anchor, Button, Group, Table, VisuallyHidden } from '@mantine/core';
import { IconThumbUp, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { post } from '../api/client.ts';
import { useSession } from '../auth/useSession.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { BulkApproveModal } from './BulkApproveModal.tsx';
import { InboxEmpty } from './InboxEmpty.tsx';
import { InboxFilters, type InboxQuery, type InboxView } from './InboxFilters.tsx';
import { isActiveTask, TaskRow } from './TaskRow.tsx';
import type { TaskSummary } from './taskTypes.ts';
import { useTaskCounts } from './useTaskCounts.ts';
import { useTaskRefresh } from './useTaskRefresh.ts';

/** The task inbox: my tasks and my teams’, filtered, claimed in place, approved in bulk. */
export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const canSeeAll = session?.permissions.includes('tasks.manage') ?? false;
  const query: InboxQuery = {
    view: (params.get('view') as InboxView | null) ?? 'inbox',
    status: params.get('status') ?? 'active',
    kind: params.get('kind') ?? '',
    due: params.get('due') ?? '',
  };
  const setFilter = (key: keyof InboxQuery, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setSelected(new Set());
  };
  const counts = useTaskCounts();
  const refresh = useTaskRefresh();
  const list = usePagedList<TaskSummary>('tasks', '/api/v1/tasks', {
    view: query.view,
    status: query.status,
    kind: query.kind || undefined,
    due: query.due || undefined,
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // The tasks being approved, kept while the results show (the selection is cleared then).
  const [bulk, setBulk] = useState<TaskSummary[] | null>(null);
  const selectable = (t: TaskSummary) => t.kind === 'approval' && isActiveTask(t);
  const chosen = list.items.filter((t) => selected.has(t.id) && selectable(t));
  const allSelectable = list.items.filter(selectable);

  async function claim(task: TaskSummary, action: 'claim' | 'unclaim') {
    try {
      await post(`/api/v1/tasks/${task.id}/${action}`);
      notifySuccess(action === 'claim' ? `You claimed “${task.title}”.` : `“${task.title}” is open to the assignees again.`);
      await refresh(task.id);
    } catch (error) {
      showApiError(error);
    }
  }
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Inbox"
        description="What workflows ask of you and your teams: approvals, forms, to-dos and failed steps to fix. Soonest due first; the run waits until someone decides."
        actions={
          <Button component={Link} to="/tasks/away" variant="default" leftSection={<IconUserOff size={16} />}>
            Out of office
          </Button>
        }
      />
      <InboxFilters query={query} counts={counts.data} canSeeAll={canSeeAll} onChange={setFilter} />
      <ErrorAlert error={list.error} />
      {allSelectable.length > 0 && (
        <Group mb="sm" gap="sm">
          <Button
            size="xs"
            color="teal"
            leftSection={<IconThumbUp size={14} />}
            disabled={chosen.length === 0}
            onClick={() => setBulk(chosen)}
          >
            Approve selected ({chosen.length})
          </Button>
          <Anchor
            component="button"
            size="sm"
            onClick={() => setSelected(chosen.length === allSelectable.length ? new Set() : new Set(allSelectable.map((t) => t.id)))}
          >
            {chosen.length === allSelectable.length ? 'Select none' : 'Select all approvals'}
          </Anchor>
        </Group>
      )}
      {!list.isPending && list.items.length === 0 && !list.error ? (
        <InboxEmpty query={query} />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table highlightOnHover data-testid="tasks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <VisuallyHidden>Select</VisuallyHidden>
                </Table.Th>
                <Table.Th>
                  <VisuallyHidden>Kind</VisuallyHidden>
                </Table.Th>
                <Table.Th>Task</Table.Th>
                <Table.Th>Claimed by</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((t) => (
                <TaskRow
                  key={t.id}
                  task={t}
                  meId={session?.user.id}
                  selected={selected.has(t.id)}
                  onSelect={selectable(t) ? (on) => toggle(t.id, on) : null}
                  onClaim={claim}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.items.length > 0 && <LoadMore list={list} />}
      <BulkApproveModal
        tasks={bulk ?? []}
        opened={bulk !== null}
        onClose={() => setBulk(null)}
        onDone={async () => {
          setSelected(new Set());
          await refresh();
        }}
      />
    </>
  );
}
