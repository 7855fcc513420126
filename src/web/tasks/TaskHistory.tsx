import { Text, Timeline } from '@mantine/core';
import { formatTime } from '../common/formatTime.ts';
import { JsonView } from '../common/JsonView.tsx';
import type { TaskDecision } from './taskTypes.ts';

const VERBS: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  complete: 'completed',
  retry: 'retried the step',
  skip: 'skipped the step',
  abort: 'aborted the run',
  timeout: 'timed out',
};

const COLORS: Record<string, string> = { approve: 'teal', reject: 'red', abort: 'red', timeout: 'orange' };

/** Every decision and comment on a task, oldest first: who, on whose behalf, when, what they said. */
export function TaskHistory({ decisions }: { decisions: TaskDecision[] }) {
  if (decisions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No decision yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="task-history">
      {decisions.map((d) => {
        const who = d.decider.id === 'system' ? 'The system' : d.decider.name;
        const title = d.onBehalf
          ? `${d.actorLabel} ${VERBS[d.decision] ?? d.decision} on behalf of ${who}`
          : `${who} ${VERBS[d.decision] ?? d.decision}`;
        const hasData =
          d.data !== null && d.data !== undefined && !(typeof d.data === 'object' && Object.keys(d.data as object).length === 0);
        return (
          <Timeline.Item key={d.id} color={COLORS[d.decision] ?? 'blue'} title={title}>
            <Text size="xs" c="dimmed">
              {formatTime(d.at)}
            </Text>
            {d.comment && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                “{d.comment}”
              </Text>
            )}
            {hasData && (
              <div style={{ marginTop: 4 }}>
                <JsonView value={d.data} maxHeight={160} />
              </div>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
