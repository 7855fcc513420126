import { Button, Group, Select } from '@mantine/core';
import { useState } from 'react';
import { useWorkflowOptions } from '../common/useWorkflowOptions.ts';

/** The builder links a workflow that already exists (one built earlier, or made from a template). */
export function LinkWorkflow({ linked, onLink }: { linked: readonly string[]; onLink: (workflowId: string) => Promise<void> }) {
  const workflows = useWorkflowOptions();
  const [choice, setChoice] = useState<string | null>(null);
  const options = workflows.filter((w) => !linked.includes(w.id) && w.status !== 'archived').map((w) => ({ value: w.id, label: w.name }));
  if (options.length === 0) return null;
  return (
    <Group gap="xs" mb="xs" align="flex-end">
      <Select
        size="xs"
        label="Link an existing workflow"
        placeholder="Pick a workflow"
        data={options}
        value={choice}
        onChange={setChoice}
        searchable
        w={280}
      />
      <Button
        size="xs"
        variant="light"
        disabled={!choice}
        onClick={async () => {
          if (!choice) return;
          await onLink(choice);
          setChoice(null);
        }}
      >
        Link
      </Button>
    </Group>
  );
}
