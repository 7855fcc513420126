import { Stack, Text, Tooltip } from '@mantine/core';
import type { RunStep } from '../api/workflowTypes.ts';
import { formatDuration } from '../common/formatDuration.ts';
import { statusColor } from './statusColors.ts';
import { timelineBars } from './timelineBars.ts';

/** A Gantt-like chart: one bar per step from its start to its finish. */
export function RunTimeline({ steps, now }: { steps: RunStep[]; now: number }) {
  const { bars, spanMs } = timelineBars(steps, now);
  if (bars.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No step has started yet.
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="run-timeline" aria-label={`Timeline: ${bars.length} steps over ${formatDuration(spanMs)}`}>
      {bars.map((bar) => (
        <div key={bar.id} className="run-timeline-row">
          <Text size="xs" truncate title={bar.label}>
            {bar.label}
          </Text>
          <div className="run-timeline-track">
            <Tooltip label={`${bar.status} · starts +${formatDuration(bar.startMs)} · ${formatDuration(bar.durationMs)}`} withArrow>
              <div
                className="run-timeline-bar"
                style={{ left: `${bar.left}%`, width: `${bar.width}%`, background: `var(--mantine-color-${statusColor(bar.status)}-6)` }}
              />
            </Tooltip>
          </div>
          <Text size="xs" c="dimmed" ta="right">
            {formatDuration(bar.durationMs)}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
