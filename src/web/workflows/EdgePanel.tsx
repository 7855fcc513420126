import { Alert, Button, List, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { EdgeKind, ValidationIssue, WorkflowEdge } from '../api/workflowTypes.ts';

const KINDS: { value: EdgeKind; label: string; help: string }[] = [
  { value: 'default', label: 'Then', help: 'Always taken when the step succeeds (from an If or Switch: the "otherwise" path).' },
  { value: 'branch', label: 'Branch', help: 'Taken when its condition (JSONata over the step output) is true.' },
  { value: 'error', label: 'Error', help: 'Taken when the step fails after its retries.' },
  { value: 'loop', label: 'Loop', help: 'From a Loop step into its body, run once per item.' },
];

interface EdgePanelProps {
  edge: WorkflowEdge;
  fromName: string;
  toName: string;
  issues: ValidationIssue[];
  canBuild: boolean;
  onChange: (edge: WorkflowEdge) => void;
  onDelete: () => void;
}

/** The selected connection: its kind (then, branch with condition, error, loop) and label. */
export function EdgePanel({ edge, fromName, toName, issues, canBuild, onChange, onDelete }: EdgePanelProps) {
  const kind = KINDS.find((k) => k.value === edge.kind) ?? KINDS[0];
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h4">
          Connection
        </Title>
        <Text size="sm" c="dimmed">
          From {fromName} to {toName}
        </Text>
      </div>
      {issues.length > 0 && (
        <Alert color="red" title="Problems with this connection" p="xs">
          <List size="sm">
            {issues.map((i) => (
              <List.Item key={`${i.path}-${i.code}`}>{i.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <fieldset disabled={!canBuild} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="sm">
          <div>
            <Text size="sm" fw={500} mb={4} id="edge-kind-label">
              Kind
            </Text>
            <SegmentedControl
              aria-labelledby="edge-kind-label"
              fullWidth
              data={KINDS.map((k) => ({ value: k.value, label: k.label }))}
              value={edge.kind}
              disabled={!canBuild}
              onChange={(value) => {
                const next: WorkflowEdge = { ...edge, kind: value as EdgeKind };
                if (value !== 'branch') delete next.condition;
                onChange(next);
              }}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {kind?.help}
            </Text>
          </div>
          {edge.kind === 'branch' && (
            <Textarea
              label="Condition"
              description="JSONata over the step output, e.g. total > 500"
              required
              autosize
              minRows={2}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              value={edge.condition ?? ''}
              onChange={(e) => onChange({ ...edge, condition: e.currentTarget.value || undefined })}
            />
          )}
          <TextInput
            label="Label"
            description="Optional. Shown on the canvas"
            maxLength={80}
            value={edge.label ?? ''}
            onChange={(e) => onChange({ ...edge, label: e.currentTarget.value || undefined })}
          />
        </Stack>
      </fieldset>
      {canBuild && (
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
          Delete connection
        </Button>
      )}
    </Stack>
  );
}
