import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';

/** Asks for a note (what changed) before the draft goes live as the next version. */
export function PublishModal({
  opened,
  onClose,
  onPublish,
}: {
  opened: boolean;
  onClose: () => void;
  onPublish: (note: string) => Promise<boolean>;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title="Publish the draft">
      <Stack>
        <Text size="sm">
          The draft becomes the next version. New runs (webhooks, schedules, the Run button) use it; runs in progress finish on their
          version.
        </Text>
        <Textarea
          label="Note"
          description="Optional. What changed, for the version history"
          autosize
          minRows={2}
          data-autofocus
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                if (await onPublish(note)) {
                  setNote('');
                  onClose();
                }
              } finally {
                setBusy(false);
              }
            }}
          >
            Publish version
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
