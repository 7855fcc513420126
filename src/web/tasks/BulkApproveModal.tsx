import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { post } from '../api/client.ts';
import { showApiError } from '../common/formErrors.ts';
import { bulkSummary } from './taskErrors.ts';
import type { BulkResult, TaskSummary } from './taskTypes.ts';

/** Approves the selected approval tasks with one comment, then shows what happened to each. */
export function BulkApproveModal({
  tasks,
  opened,
  onClose,
  onDone,
}: {
  tasks: TaskSummary[];
  opened: boolean;
  onClose: () => void;
  onDone: (results: BulkResult[]) => Promise<unknown>;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const titles = new Map(tasks.map((t) => [t.id, t.title]));
  const close = () => {
    setResults(null);
    setComment('');
    onClose();
  };
  async function approve() {
    setBusy(true);
    try {
      const answer = await post<{ results: BulkResult[] }>('/api/v1/tasks/bulk-approve', { ids: tasks.map((t) => t.id), comment });
      setResults(answer.results);
      await onDone(answer.results);
    } catch (error) {
      showApiError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={results ? 'Bulk approval' : `Approve ${tasks.length} task${tasks.length === 1 ? '' : 's'}`}
      size="lg"
    >
      {results ? (
        <Stack>
          <Alert color={results.every((r) => r.ok) ? 'teal' : 'yellow'} role="status">
            {bulkSummary(results)}
          </Alert>
          <Table data-testid="bulk-results">
            <Table.Tbody>
              {results.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm">{titles.get(r.id) ?? r.id}</Text>
                    {!r.ok && (
                      <Text size="xs" c="red.8">
                        {r.message} ({r.code})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Badge color={r.ok ? 'teal' : 'red'} variant="light">
                      {r.ok ? (r.status === 'done' ? 'approved' : 'vote counted') : 'refused'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={close}>Close</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">Each task is checked and decided on its own; the ones you may not approve are reported afterwards.</Text>
          <Stack gap={2}>
            {tasks.map((t) => (
              <Text key={t.id} size="sm">
                • {t.title}
              </Text>
            ))}
          </Stack>
          <Textarea
            label="Comment"
            description="Optional; kept with each decision"
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="teal" loading={busy} onClick={approve}>
              Approve all
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
