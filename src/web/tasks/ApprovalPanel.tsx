import { Button, Group, Progress, Stack, Text, Textarea } from '@mantine/core';
import { IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../auth/useSession.ts';
import { showApiError } from '../common/formErrors.ts';
import { MinutesSpentInput, minutesSpentBody } from './MinutesSpentInput.tsx';
import type { TaskDetail } from './taskTypes.ts';
import { approvalProgress } from './taskViews.ts';
import { useDecide } from './useDecide.ts';

/** Approve or reject, with an optional comment; shows how many approvals are still needed. */
export function ApprovalPanel({ task }: { task: TaskDetail }) {
  const decide = useDecide(task);
  const [comment, setComment] = useState('');
  const [minutes, setMinutes] = useState<number | ''>('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const progress = approvalProgress(task);
  const can = (a: string) => task.actions.includes(a);
  async function send(action: 'approve' | 'reject') {
    setBusy(action);
    try {
      await decide(action, { comment, ...minutesSpentBody(minutes) }, action === 'approve' ? 'Approved.' : 'Rejected.');
      setComment('');
      setMinutes('');
    } catch (error) {
      showApiError(error);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Stack>
      {progress && (
        <div>
          <Text size="sm" fw={500} data-testid="approval-progress">
            {progress.done} of {progress.needed} approvals
            {task.votesNeeded > 0 && task.status !== 'done' ? ` · ${task.votesNeeded} more needed` : ''}
          </Text>
          <Progress value={(100 * progress.done) / Math.max(1, progress.needed)} color="teal" mt={4} aria-hidden />
        </div>
      )}
      {can('approve') || can('reject') ? (
        <>
          <Textarea
            label="Comment"
            description="Optional; kept with your decision and shown to the run"
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={5000}
          />
          <MinutesSpentInput value={minutes} onChange={setMinutes} />
          <Group>
            <Button
              color="teal"
              leftSection={<IconThumbUp size={16} />}
              loading={busy === 'approve'}
              disabled={!can('approve')}
              onClick={() => send('approve')}
            >
              Approve
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconThumbDown size={16} />}
              loading={busy === 'reject'}
              disabled={!can('reject')}
              onClick={() => send('reject')}
            >
              Reject
            </Button>
          </Group>
        </>
      ) : (
        <NoActionNote task={task} />
      )}
    </Stack>
  );
}

/** Why there is nothing to decide here (someone else's claim, the initiator, a viewer). */
export function NoActionNote({ task }: { task: TaskDetail }) {
  const me = useSession().data?.user.id;
  const why = task.decisions.some((d) => d.decider.id === me)
    ? 'You have decided; the task waits for the others.'
    : task.claimedBy && task.claimedBy.id !== me
      ? `${task.claimedBy.name} claimed this task.`
      : task.barInitiator && task.initiator
        ? 'You cannot decide this task: you may not be one of its assignees, or you started the run and may not approve it.'
        : 'You cannot decide this task: it is not assigned to you (or to someone you stand in for).';
  return (
    <Text size="sm" c="dimmed" data-testid="no-action">
      {why}
    </Text>
  );
}
