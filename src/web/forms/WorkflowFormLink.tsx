import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { FormLink } from '../api/formTypes.ts';

/** The public form link of a live workflow that starts with a form trigger, with a copy button (builders). */
export function WorkflowFormLink({ workflowId, publishedVersion }: { workflowId: string; publishedVersion: number | null }) {
  const link = useQuery({
    // The version in the key: publishing (which may create the link) fetches it again.
    queryKey: ['forms', 'workflow', workflowId, publishedVersion],
    queryFn: async () => (await get<{ items: FormLink[] }>('/api/v1/forms', { workflowId, limit: 1 })).items[0] ?? null,
    enabled: publishedVersion !== null,
  });
  if (!link.data?.live || link.data.url === null) return null;
  const url = new URL(link.data.url, window.location.origin).href;
  return (
    <Group gap={6} wrap="nowrap" maw="100%">
      <Text size="sm" fw={500}>
        Form
      </Text>
      <Code style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} data-testid="form-link-url">
        {url}
      </Code>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy link'} withArrow>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy form link">
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
