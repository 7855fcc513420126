import { Badge, Card, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { JsonView } from '../common/JsonView.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { ApprovalPanel } from './ApprovalPanel.tsx';
import { ClosedNotice } from './ClosedNotice.tsx';
import { ExceptionDetails } from './ExceptionDetails.tsx';
import { ExceptionPanel } from './ExceptionPanel.tsx';
import { FormPanel } from './FormPanel.tsx';
import { KIND_LABELS, KindIcon } from './KindIcon.tsx';
import { TaskFacts } from './TaskFacts.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { isActiveTask } from './TaskRow.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import type { ExceptionContext, TaskDetail } from './taskTypes.ts';

const ASK: Record<TaskDetail['kind'], string> = {
  approval: 'Your decision',
  form: 'Fill in',
  task: 'Report the outcome',
  exception: 'The failed step',
};

/** The panel where the person acts, by kind. */
function ActionPanel({ task }: { task: TaskDetail }) {
  if (task.kind === 'approval') return <ApprovalPanel task={task} />;
  if (task.kind === 'exception') return <ExceptionPanel task={task} />;
  return <FormPanel task={task} />;
}

/** One task: what to decide, the data it shows, what happened so far, and the actions allowed now. */
export function TaskPage() {
  const { id = '' } = useParams();
  const task = useQuery({ queryKey: ['task', id], queryFn: () => get<TaskDetail>(`/api/v1/tasks/${id}`) });
  const t = task.data;
  if (task.error) return <ErrorAlert error={task.error} />;
  if (!t) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  const active = isActiveTask(t);
  // `show` data of people steps is `{ data }`; an exception's context is shown by its panel.
  const data = t.kind === 'exception' ? null : ((t.context as { data?: unknown } | null)?.data ?? t.context);
  const shown = data !== null && typeof data === 'object' && Object.keys(data).length === 0 ? null : data;
  return (
    <>
      <PageHeader
        title={t.title}
        description={
          <Group gap="xs" component="span">
            <KindIcon kind={t.kind} size={22} />
            <Text span size="sm">
              {KIND_LABELS[t.kind]}
            </Text>
            <TaskStatusBadge status={t.status} outcome={t.outcome} size="md" />
            {t.overdue && (
              <Badge color="red" variant="filled">
                overdue
              </Badge>
            )}
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            {t.description && (
              <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="task-description">
                {t.description}
              </Text>
            )}
            {!active && <ClosedNotice task={t} />}
            {active ? (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  {ASK[t.kind]}
                </Title>
                <ActionPanel key={t.id} task={t} />
              </Card>
            ) : (
              t.kind === 'exception' && <ExceptionDetails context={t.context as ExceptionContext} />
            )}
            {shown !== null && shown !== undefined && (
              <Card withBorder>
                <Title order={2} size="h4" mb="sm">
                  Data
                </Title>
                <JsonView value={shown} maxHeight={400} />
              </Card>
            )}
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                Decisions and comments
              </Title>
              <TaskHistory decisions={t.decisions} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <TaskFacts task={t} />
        </Grid.Col>
      </Grid>
    </>
  );
}
