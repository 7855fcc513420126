import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseJsonInput } from './schemaFields.ts';

interface RunInputModalProps {
  opened: boolean;
  title: string;
  explanation: string;
  initialInput: unknown;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (input: unknown) => Promise<boolean>;
}

/** Asks for a run's (or a step's) input as JSON, then starts it. */
export function RunInputModal({ opened, title, explanation, initialInput, submitLabel, onClose, onSubmit }: RunInputModalProps) {
  const [text, setText] = useState('{}');
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill when the dialog opens
  useEffect(() => {
    if (opened) setText(initialInput === undefined ? '{}' : JSON.stringify(initialInput, null, 2));
  }, [opened]);
  const parsed = parseJsonInput(text);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        <Text size="sm">{explanation}</Text>
        <Textarea
          label="Input (JSON)"
          autosize
          minRows={4}
          maxRows={18}
          spellCheck={false}
          data-autofocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          value={text}
          error={'error' in parsed ? parsed.error : null}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            disabled={'error' in parsed}
            onClick={async () => {
              if ('error' in parsed) return;
              setBusy(true);
              try {
                if (await onSubmit(parsed.value ?? {})) onClose();
              } finally {
                setBusy(false);
              }
            }}
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
