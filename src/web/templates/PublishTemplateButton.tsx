import { Button, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTemplate } from '@tabler/icons-react';
import { useCan } from '../auth/useCan.ts';
import { PublishTemplateModal } from './PublishTemplateModal.tsx';

/** "Publish as template" on a workflow's page: builders only, and only once the workflow has a published version. */
export function PublishTemplateButton({
  workflow,
}: {
  workflow: { id: string; name: string; description: string; publishedVersion: number | null };
}) {
  const canBuild = useCan('workflows.build');
  const [opened, { open, close }] = useDisclosure(false);
  if (!canBuild) return null;
  const published = workflow.publishedVersion !== null;
  return (
    <>
      <Tooltip label="Publish the workflow first: a template copies its latest published version" disabled={published}>
        <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={open} disabled={!published}>
          Publish as template
        </Button>
      </Tooltip>
      {opened && <PublishTemplateModal workflow={workflow} opened={opened} onClose={close} />}
    </>
  );
}
