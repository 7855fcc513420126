import { NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTeamOptions } from '../common/useTeamOptions.ts';

interface WorkflowSettingsPanelProps {
  name: string;
  description: string;
  teamId: string | null;
  settings: Record<string, unknown>;
  canBuild: boolean;
  onChange: (patch: { name?: string; description?: string; teamId?: string | null; settings?: Record<string, unknown> }) => void;
}

const num = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Shown when nothing is selected: the workflow's name, description and run-wide settings. */
export function WorkflowSettingsPanel({ name, description, teamId, settings, canBuild, onChange }: WorkflowSettingsPanelProps) {
  const teams = useTeamOptions();
  const setSetting = (key: string, value: unknown) => {
    const next = { ...settings };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange({ settings: next });
  };
  return (
    <fieldset disabled={!canBuild} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Workflow
        </Title>
        <Text size="xs" c="dimmed">
          Select a step or a connection on the canvas (or in Edit step above) to change it. Add steps from the list on the left: click one,
          or drag it onto the canvas; connect a step's right handle to the next step's left handle.
        </Text>
        <TextInput label="Name" required value={name} onChange={(e) => onChange({ name: e.currentTarget.value })} />
        <Textarea
          label="Description"
          description="Optional"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => onChange({ description: e.currentTarget.value })}
        />
        <Select
          label="Team"
          description="Optional. Owns it: its managers see its tasks; the symbiosis view groups by it"
          placeholder="No team"
          data={teams}
          value={teamId}
          onChange={(value) => onChange({ teamId: value })}
          clearable
          searchable
        />
        <NumberInput
          label="Run timeout (ms)"
          description="Optional. A run working longer fails; waiting time is not counted"
          min={1}
          step={60_000}
          value={typeof settings.timeoutMs === 'number' ? settings.timeoutMs : ''}
          onChange={(v) => setSetting('timeoutMs', num(v))}
        />
        <NumberInput
          label="Most runs at once"
          description="Optional. Further runs wait in the queue"
          min={1}
          value={typeof settings.maxConcurrentRuns === 'number' ? settings.maxConcurrentRuns : ''}
          onChange={(v) => setSetting('maxConcurrentRuns', num(v))}
        />
      </Stack>
    </fieldset>
  );
}
