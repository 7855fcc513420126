import { Accordion, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { RunStep } from '../api/workflowTypes.ts';
import { formatDuration } from '../common/formatDuration.ts';
import { formatTime } from '../common/formatTime.ts';
import { JsonView } from '../common/JsonView.tsx';
import { RunStatusBadge } from './RunStatusBadge.tsx';

interface RunStepsListProps {
  steps: RunStep[];
  opened: string[];
  onOpenedChange: (ids: string[]) => void;
  /** Offered on the steps it accepts (null: on none). */
  onRerun: ((step: RunStep) => void) | null;
  canRerun: (step: RunStep) => boolean;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      {children}
    </div>
  );
}

/** Each step of the run in order, expandable to its input, output, error, attempts and timing. */
export function RunStepsList({ steps, opened, onOpenedChange, onRerun, canRerun }: RunStepsListProps) {
  return (
    <Accordion multiple value={opened} onChange={onOpenedChange} variant="separated" data-testid="run-steps">
      {steps.map((step) => (
        <Accordion.Item key={step.id} value={step.id} data-node-id={step.nodeId}>
          <Accordion.Control>
            <Group gap="sm" wrap="nowrap">
              <RunStatusBadge status={step.status} />
              <Text size="sm" fw={600} truncate>
                {step.nodeName}
              </Text>
              {step.itemKey && (
                <Text size="xs" c="dimmed">
                  item {step.itemKey}
                </Text>
              )}
              <Text size="xs" c="dimmed" ml="auto">
                {step.attempt > 1 ? `attempt ${step.attempt} · ` : ''}
                {formatDuration(step.activeMs)}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <Section title="Input">
                <JsonView value={step.input} empty="No input" />
              </Section>
              <Section title="Output">
                <div data-testid={`step-output-${step.nodeId}`}>
                  <JsonView value={step.output} empty="No output" />
                </div>
              </Section>
            </SimpleGrid>
            {step.error != null && (
              <Section title="Error">
                <JsonView value={step.error} />
              </Section>
            )}
            <Text size="xs" c="dimmed" mt="sm">
              Step {step.nodeId} · attempt {step.attempt} · started {formatTime(step.startedAt)} · finished {formatTime(step.finishedAt)} ·
              working time {formatDuration(step.activeMs)}
              {step.nextAt ? ` · ${step.status === 'waiting' ? 'resumes' : 'next attempt'} ${formatTime(step.nextAt)}` : ''}
            </Text>
            {onRerun && canRerun(step) && (
              <Button mt="sm" size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => onRerun(step)}>
                Re-run from this step
              </Button>
            )}
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
