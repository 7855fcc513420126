import { Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { User } from '../api/types.ts';
import { showApiError } from '../common/formErrors.ts';
import { UserSelect } from '../common/UserSelect.tsx';
import { useTeamOptions } from '../common/useTeamOptions.ts';
import type { TaskDetail } from './taskTypes.ts';
import { useDecide } from './useDecide.ts';

/** Gives a task to other people and teams (replacing the current assignees); needs tasks.manage. */
export function ReassignModal({ task, opened, onClose }: { task: TaskDetail; opened: boolean; onClose: () => void }) {
  const decide = useDecide(task);
  const teams = useTeamOptions();
  const [people, setPeople] = useState<User[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setPeople([]);
    setTeamIds([]);
    setComment('');
    setError(null);
    onClose();
  };
  async function save() {
    const to = [...people.map((u) => ({ user: u.id })), ...teamIds.map((id) => ({ team: id }))];
    if (to.length === 0) return setError('Choose at least one person or team');
    setBusy(true);
    try {
      await decide('reassign', { to, comment }, 'Task reassigned.');
      close();
    } catch (e) {
      showApiError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={close} title="Reassign task" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          The people and teams you choose replace the current assignees (decisions already taken stay).
        </Text>
        <UserSelect
          label="Add a person"
          description="Optional"
          placeholder="Type a name or e-mail"
          value={null}
          exclude={new Set(people.map((u) => u.id))}
          onChange={(_, user) => {
            if (user) setPeople((p) => [...p, user]);
            setError(null);
          }}
        />
        {people.length > 0 && (
          <Group gap="xs">
            {people.map((u) => (
              <Button
                key={u.id}
                size="compact-sm"
                variant="light"
                onClick={() => setPeople((p) => p.filter((x) => x.id !== u.id))}
                aria-label={`Remove ${u.name}`}
              >
                {u.name} ×
              </Button>
            ))}
          </Group>
        )}
        <MultiSelect
          label="Teams"
          description="Optional: every member"
          data={teams}
          value={teamIds}
          onChange={(v) => {
            setTeamIds(v);
            setError(null);
          }}
          searchable
          error={error}
        />
        <Textarea
          label="Comment"
          description="Optional; why"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button loading={busy} onClick={save}>
            Reassign
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
