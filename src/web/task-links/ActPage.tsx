import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, post } from '../api/client.ts';
import { AuthCard } from '../auth/AuthCard.tsx';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { formatTime } from '../common/formatTime.ts';
import { ShownData } from './ShownData.tsx';
import { type TaskLinkConfirmed, taskLinkPath, useTaskLink } from './useTaskLink.ts';

const REFUSED: Record<string, string> = {
  TASK_LINK_INVALID: 'This link is not valid',
  TASK_LINK_USED: 'This link was used already',
  TASK_LINK_EXPIRED: 'This link has expired',
  TASK_CLOSED: 'This task was already decided',
  TASK_EXPIRED: 'This task timed out',
  TASK_CANCELLED: 'This task was cancelled',
};

/**
 * `/act/<token>`: the page an e-mail's one-click link opens, without signing in. Opening it
 * changes nothing (mail scanners open links too); the person confirms with the button.
 */
export function ActPage() {
  const { token = '' } = useParams();
  const link = useTaskLink(token);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<TaskLinkConfirmed | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (link.isPending) return <FullPageLoader />;

  const failure = error ?? (link.error instanceof ApiError ? link.error : null);
  if (!link.data || done) {
    const outcome = done ? (done.action === 'approve' ? 'Approved' : 'Rejected') : null;
    // An N-of-M or "all" approval may still wait for others after this vote.
    const waits = done !== null && (done.task.status === 'open' || done.task.status === 'claimed');
    return (
      <AuthCard title={outcome ?? REFUSED[failure?.code ?? ''] ?? 'Link not available'} subtitle={done?.task.title ?? ''}>
        <Stack>
          {done ? (
            <Alert color={done.action === 'approve' ? 'teal' : 'orange'} role="status" title="Decision recorded">
              {outcome} as {done.decidedAs}.{' '}
              {waits ? 'The task now waits for the other approvers.' : 'The workflow goes on; nothing else is needed.'}
            </Alert>
          ) : (
            <Alert color="red" role="alert" title="Nothing was decided">
              {failure?.message ?? link.error?.message ?? 'Could not reach the server. Try again.'}
            </Alert>
          )}
          <Anchor component={Link} to={done ? `/tasks/${done.task.id}` : '/tasks'}>
            Open your inbox
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }

  const { action, task, recipient, expiresAt, inboxPath } = link.data;
  const deciding = action === 'approve' || action === 'reject';
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      setDone(await post<TaskLinkConfirmed>(taskLinkPath(token), { comment, taskId: task.id, action }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', 'Could not reach the server. Try again.', null));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title={task.title}
      subtitle={`${task.workflowName ? `${task.workflowName} · ` : ''}for ${recipient.name}${task.dueAt ? ` · due ${formatTime(task.dueAt)}` : ''}`}
    >
      <Stack>
        {task.description && <Text size="sm">{task.description}</Text>}
        <ShownData value={task.shown} />
        {error && (
          <Alert color="red" role="alert" title={REFUSED[error.code] ?? 'Not decided'}>
            {error.message}
          </Alert>
        )}
        {deciding ? (
          <>
            <Textarea
              label="Comment"
              description="Optional; kept with your decision"
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Link valid until {formatTime(expiresAt)}; it works once.
              </Text>
              <Button color={action === 'approve' ? 'teal' : 'red'} loading={busy} onClick={confirm}>
                {action === 'approve' ? 'Confirm approve' : 'Confirm reject'}
              </Button>
            </Group>
          </>
        ) : (
          <Button component={Link} to={inboxPath}>
            Open in your inbox
          </Button>
        )}
      </Stack>
    </AuthCard>
  );
}
