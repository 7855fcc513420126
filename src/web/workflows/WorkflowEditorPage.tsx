import { Anchor, Center, Group, Loader, Tabs, Text } from '@mantine/core';
import { IconArchive, IconChartBar, IconHistory, IconSitemap } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { del } from '../api/client.ts';
import { useCan } from '../auth/useCan.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { PublishTemplateButton } from '../templates/PublishTemplateButton.tsx';
import { useStepTypes } from './useStepTypes.ts';
import { useWorkflow } from './useWorkflow.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import { WorkflowEditor } from './WorkflowEditor.tsx';
import { WorkflowStatsPanel } from './WorkflowStatsPanel.tsx';
import { WorkflowStatusBadge } from './WorkflowStatusBadge.tsx';

/** One workflow: the editor, its versions and its statistics. */
export function WorkflowEditorPage() {
  const { id = '' } = useParams();
  const workflow = useWorkflow(id);
  const stepTypes = useStepTypes();
  const canPublish = useCan('workflows.publish');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const w = workflow.data;
  if (workflow.error || stepTypes.error) return <ErrorAlert error={workflow.error ?? stepTypes.error} />;
  if (!w || !stepTypes.data) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  return (
    <>
      <PageHeader
        title={w.name}
        description={
          <Group gap="xs" component="span">
            <WorkflowStatusBadge status={w.status} version={w.publishedVersion} />
            <Text span size="sm">
              {w.description || 'No description.'}
            </Text>
            <Anchor component={Link} to={`/runs?workflowId=${w.id}`} size="sm">
              Runs
            </Anchor>
          </Group>
        }
        actions={
          <>
            {w.status !== 'archived' && <PublishTemplateButton workflow={w} />}
            {canPublish && w.status !== 'archived' && (
              <ConfirmButton
                variant="subtle"
                color="red"
                leftSection={<IconArchive size={16} />}
                question={`Archive ${w.name}? Its webhook and schedule stop; its runs and versions stay.`}
                confirmLabel="Archive workflow"
                onConfirm={async () => {
                  try {
                    await del(`/api/v1/workflows/${w.id}`);
                    await queryClient.invalidateQueries({ queryKey: ['workflows'] });
                    notifySuccess(`${w.name} archived.`);
                    navigate('/workflows');
                  } catch (error) {
                    showApiError(error);
                  }
                }}
              >
                Archive
              </ConfirmButton>
            )}
          </>
        }
      />
      <Tabs defaultValue="editor" keepMounted>
        <Tabs.List mb="sm">
          <Tabs.Tab value="editor" leftSection={<IconSitemap size={16} />}>
            Editor
          </Tabs.Tab>
          <Tabs.Tab value="versions" leftSection={<IconHistory size={16} />}>
            Versions
          </Tabs.Tab>
          <Tabs.Tab value="stats" leftSection={<IconChartBar size={16} />}>
            Statistics
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="editor">
          <ReactFlowProvider>
            <WorkflowEditor key={w.id} workflow={w} stepTypes={stepTypes.data} />
          </ReactFlowProvider>
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsPanel workflowId={w.id} />
        </Tabs.Panel>
        <Tabs.Panel value="stats">
          <WorkflowStatsPanel workflowId={w.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
