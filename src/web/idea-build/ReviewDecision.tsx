import { Button, Group, Textarea } from '@mantine/core';
import { useState } from 'react';

/** Approve, or request changes with a note (the note is required to send it back). */
export function ReviewDecision({
  kind,
  onDecide,
}: {
  kind: string;
  onDecide: (decision: 'approve' | 'request_changes', note: string) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const decide = async (decision: 'approve' | 'request_changes') => {
    await onDecide(decision, note);
    setNote('');
  };
  return (
    <>
      <Textarea
        label={`Note on the ${kind} review`}
        description="Required to request changes; kept in the idea's history"
        size="xs"
        autosize
        minRows={1}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group gap="xs" mt="xs">
        <Button size="xs" color="green" onClick={() => decide('approve')}>
          Approve {kind} review
        </Button>
        <Button size="xs" variant="light" color="orange" disabled={note.trim().length < 3} onClick={() => decide('request_changes')}>
          Request changes
        </Button>
      </Group>
    </>
  );
}
