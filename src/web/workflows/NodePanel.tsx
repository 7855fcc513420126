import { Accordion, Alert, Button, Code, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { StepTypeInfo, ValidationIssue, WorkflowNode } from '../api/workflowTypes.ts';
import { ConfigForm } from './ConfigForm.tsx';
import { RetrySettings } from './RetrySettings.tsx';
import { TestStepCard } from './TestStepCard.tsx';

type Step = Omit<WorkflowNode, 'position'>;

interface NodePanelProps {
  step: Step;
  stepType: StepTypeInfo | undefined;
  issues: ValidationIssue[];
  /** Steps this one may be connected to. */
  others: { id: string; name: string }[];
  canBuild: boolean;
  workflowId: string;
  lastRunId: string | null;
  onChange: (step: Step) => void;
  onConnect: (to: string) => void;
  onDelete: () => void;
  beforeTest: () => Promise<boolean>;
}

/** The selected step: name, generated settings form, retry and timeout, connections, test. */
export function NodePanel({
  step,
  stepType,
  issues,
  others,
  canBuild,
  workflowId,
  lastRunId,
  onChange,
  onConnect,
  onDelete,
  beforeTest,
}: NodePanelProps) {
  const [target, setTarget] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h4">
          {stepType?.title ?? step.type}
        </Title>
        {stepType && (
          <Text size="xs" c="dimmed">
            {stepType.description}
          </Text>
        )}
      </div>
      {issues.length > 0 && (
        <Alert color="red" title="Problems with this step" p="xs">
          <List size="sm">
            {issues.map((i) => (
              <List.Item key={`${i.path}-${i.code}`}>{i.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <fieldset disabled={!canBuild} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="sm">
          <TextInput label="Step name" required value={step.name} onChange={(e) => onChange({ ...step, name: e.currentTarget.value })} />
          <Text size="xs" c="dimmed">
            Id <Code>{step.id}</Code>; later steps read its output as <Code>{`$nodes.${step.id}.output`}</Code>. Any text setting may hold a{' '}
            <Code>{'{{ expression }}'}</Code> template.
          </Text>
          {stepType ? (
            <ConfigForm stepType={stepType} config={step.config} onChange={(config) => onChange({ ...step, config })} />
          ) : (
            <Alert color="yellow">The step type {step.type} is not installed on this server.</Alert>
          )}
        </Stack>
      </fieldset>
      <Accordion variant="contained" multiple defaultValue={[]}>
        <Accordion.Item value="retry">
          <Accordion.Control>Retries and timeout</Accordion.Control>
          <Accordion.Panel>
            <RetrySettings step={step} onChange={onChange} disabled={!canBuild} />
          </Accordion.Panel>
        </Accordion.Item>
        {canBuild && (
          <Accordion.Item value="connect">
            <Accordion.Control>Connect to another step</Accordion.Control>
            <Accordion.Panel>
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <Select
                  label="Next step"
                  data={others.map((o) => ({ value: o.id, label: `${o.name} (${o.id})` }))}
                  value={target}
                  onChange={setTarget}
                  searchable
                  style={{ flex: 1 }}
                />
                <Button
                  variant="default"
                  leftSection={<IconLink size={16} />}
                  disabled={!target}
                  onClick={() => {
                    if (target) onConnect(target);
                    setTarget(null);
                  }}
                >
                  Connect
                </Button>
              </Group>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {canBuild && (
          <Accordion.Item value="test">
            <Accordion.Control>Test step</Accordion.Control>
            <Accordion.Panel>
              <TestStepCard workflowId={workflowId} nodeId={step.id} lastRunId={lastRunId} beforeTest={beforeTest} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
      {canBuild && (
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
          Delete step
        </Button>
      )}
    </Stack>
  );
}
