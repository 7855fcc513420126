import { Alert, Anchor, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPlayerStop, IconRotateClockwise } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { get, post } from '../api/client.ts';
import type { RunDetail, RunStep } from '../api/workflowTypes.ts';
import { useCan } from '../auth/useCan.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatDuration } from '../common/formatDuration.ts';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { RunInputModal } from '../workflows/RunInputModal.tsx';
import { useStepTypes } from '../workflows/useStepTypes.ts';
import { RunCanvas } from './RunCanvas.tsx';
import { RunStatusBadge } from './RunStatusBadge.tsx';
import { RunStepsList } from './RunStepsList.tsx';
import { RunTimeline } from './RunTimeline.tsx';
import { isActiveRun, nodeStatuses } from './statusColors.ts';

/** One run: its graph coloured by step status, a timeline, every step's data, and what can be done about it. */
export function RunDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canOperate = useCan('runs.operate');
  const stepTypes = useStepTypes();
  const run = useQuery({
    queryKey: ['run', id],
    queryFn: () => get<RunDetail>(`/api/v1/runs/${id}`),
    refetchInterval: (q) => (q.state.data && isActiveRun(q.state.data.status) ? 1000 : false),
  });
  const [opened, setOpened] = useState<string[]>([]);
  const [rerunStep, setRerunStep] = useState<RunStep | null>(null);
  const statuses = useMemo(() => nodeStatuses(run.data?.steps ?? []), [run.data?.steps]);
  const r = run.data;
  if (run.error) return <ErrorAlert error={run.error} />;
  if (!r) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  const active = isActiveRun(r.status);
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['run', id] }), queryClient.invalidateQueries({ queryKey: ['runs'] })]);
  const act = async (action: 'retry' | 'cancel') => {
    try {
      await post(`/api/v1/runs/${r.id}/${action}`);
      notifySuccess(action === 'retry' ? 'Retrying from the failed step.' : 'Run cancelled.');
      await refresh();
    } catch (error) {
      showApiError(error);
    }
  };
  const openNode = (nodeId: string) => {
    const ids = r.steps.filter((s) => s.nodeId === nodeId).map((s) => s.id);
    setOpened((o) => [...new Set([...o, ...ids])]);
    document.querySelector(`[data-node-id="${nodeId}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  return (
    <>
      <PageHeader
        title={`Run ${r.id.slice(0, 10)}`}
        description={
          <Group gap="xs" component="span">
            <RunStatusBadge status={r.status} size="md" />
            <Anchor component={Link} to={`/workflows/${r.workflowId}`} size="sm">
              {r.workflowName}
            </Anchor>
            <Text span size="sm">
              {r.version ? `version ${r.version}` : 'draft'} · {r.triggerType} · started {formatTime(r.startedAt ?? r.createdAt)} · took{' '}
              {formatDuration(r.durationMs)} (working {formatDuration(r.activeMs)})
            </Text>
          </Group>
        }
        actions={
          canOperate && (
            <>
              {r.status === 'failed' && (
                <Button leftSection={<IconRotateClockwise size={16} />} onClick={() => act('retry')}>
                  Retry
                </Button>
              )}
              {active && (
                <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={() => act('cancel')}>
                  Cancel run
                </Button>
              )}
            </>
          )
        }
      />
      {r.error && (
        <Alert color="red" title={`Failed: ${r.error.code}`} mb="md" role="alert">
          {r.error.message}
          {r.error.nodeId && (
            <Anchor component="button" type="button" size="sm" ml="xs" onClick={() => r.error?.nodeId && openNode(r.error.nodeId)}>
              Show the step
            </Anchor>
          )}
        </Alert>
      )}
      {r.parentRunId && (
        <Text size="sm" mb="sm">
          Started by{' '}
          <Anchor component={Link} to={`/runs/${r.parentRunId}`}>
            run {r.parentRunId.slice(0, 10)}
          </Anchor>
        </Text>
      )}
      <Stack gap="md">
        <RunCanvas key={r.id} definition={r.definition} statuses={statuses} stepTypes={stepTypes.data ?? []} onSelectNode={openNode} />
        <Card withBorder>
          <Title order={2} size="h5" mb="sm">
            Timeline
          </Title>
          <RunTimeline steps={r.steps} now={Date.now()} />
        </Card>
        <div>
          <Title order={2} size="h5" mb="sm">
            Steps
          </Title>
          {r.steps.length === 0 ? (
            <Text c="dimmed">No step has run yet.</Text>
          ) : (
            <RunStepsList
              steps={r.steps}
              opened={opened}
              onOpenedChange={setOpened}
              onRerun={canOperate && !active ? setRerunStep : null}
              canRerun={(step) => step.itemKey === '' && !isTriggerNode(r.definition, step.nodeId)}
            />
          )}
        </div>
      </Stack>
      <RunInputModal
        opened={rerunStep !== null}
        title={`Re-run from ${rerunStep?.nodeName ?? ''}`}
        explanation="Starts a new run of the same version that reuses this run's results up to this step and runs it, and what follows, again with the input below."
        initialInput={rerunStep?.input}
        submitLabel="Re-run"
        onClose={() => setRerunStep(null)}
        onSubmit={async (input) => {
          if (!rerunStep) return false;
          try {
            const { runId } = await post<{ runId: string }>(`/api/v1/runs/${r.id}/rerun`, { fromNodeId: rerunStep.nodeId, input });
            await refresh();
            navigate(`/runs/${runId}`);
            return true;
          } catch (error) {
            showApiError(error);
            return false;
          }
        }}
      />
    </>
  );
}

/** The engine re-runs from any step except the trigger and steps inside a loop (those have an item key). */
function isTriggerNode(definition: RunDetail['definition'], nodeId: string): boolean {
  return definition.nodes.some((node) => node.id === nodeId && node.type.startsWith('trigger.'));
}
