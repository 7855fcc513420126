import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { post } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { UserSelect } from '../common/UserSelect.tsx';
import { localInputToIso } from './formValues.ts';

/** Creates an out-of-office delegation: a stand-in, from/until, a note; with tasks.manage for someone else too. */
export function DelegationModal({
  opened,
  onClose,
  onCreated,
  canManage,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: () => Promise<unknown>;
  canManage: boolean;
}) {
  const [delegate, setDelegate] = useState<string | null>(null);
  const [user, setUser] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const close = () => {
    setDelegate(null);
    setUser(null);
    setFrom('');
    setUntil('');
    setNote('');
    setErrors({});
    onClose();
  };
  async function save() {
    const found: Record<string, string> = {};
    const startsAt = from ? localInputToIso(from) : null;
    const endsAt = localInputToIso(until);
    if (!delegate) found.delegate = 'Choose who stands in for you';
    if (from && !startsAt) found.startsAt = 'Not a date and time';
    if (!endsAt) found.endsAt = 'Required';
    else if (Date.parse(endsAt) <= Date.parse(startsAt ?? new Date().toISOString())) found.endsAt = 'Must be after the start';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await post('/api/v1/tasks/delegations', { delegate, endsAt, note, ...(startsAt ? { startsAt } : {}), ...(user ? { user } : {}) });
      notifySuccess('Out of office saved: your stand-in sees your tasks meanwhile.');
      await onCreated();
      close();
    } catch (e) {
      showApiError(e, (path, message) => setErrors((s) => ({ ...s, [path]: message })));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={close} title="Out of office" size="lg">
      <Stack>
        {canManage && (
          <UserSelect
            label="Who is away"
            description="Optional: you, unless you choose someone else"
            placeholder="Type a name or e-mail"
            value={user}
            onChange={(id) => setUser(id)}
            error={errors.user}
          />
        )}
        <UserSelect
          label="Stand-in"
          description="Sees and decides the tasks assigned to the person away personally"
          placeholder="Type a name or e-mail"
          required
          value={delegate}
          onChange={(id) => {
            setDelegate(id);
            setErrors(({ delegate: _d, ...rest }) => rest);
          }}
          error={errors.delegate}
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            label="From"
            description="Optional: now"
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={errors.startsAt}
          />
          <TextInput
            label="Until"
            type="datetime-local"
            required
            value={until}
            onChange={(e) => setUntil(e.currentTarget.value)}
            error={errors.endsAt}
          />
        </Group>
        <Textarea
          label="Note"
          description="Optional, e.g. “On holiday, back Monday”"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={500}
          error={errors.note}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button loading={busy} onClick={save}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
