import { ActionIcon, Anchor, Badge, Button, Code, CopyButton, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { get, post } from '../api/client.ts';
import type { FormLink } from '../api/formTypes.ts';
import { useCan } from '../auth/useCan.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';

/** The link as a full address (the server gives a relative one without SYMBIONT_PUBLIC_URL). */
const absolute = (url: string) => new URL(url, window.location.origin).href;

// A badge in a table cell would otherwise shrink to an ellipsis.
const fit = { minWidth: 'max-content' };

function StatusBadge({ link }: { link: FormLink }) {
  if (!link.live)
    return (
      <Badge color="gray" variant="light" style={fit}>
        Not live
      </Badge>
    );
  return link.enabled ? (
    <Badge color="teal" variant="light" style={fit}>
      Open
    </Badge>
  ) : (
    <Badge color="orange" variant="light" style={fit}>
      Disabled
    </Badge>
  );
}

/** The link with copy and open buttons; a note when the server cannot unseal the token. */
function LinkCell({ link }: { link: FormLink }) {
  if (link.url === null) {
    return (
      <Text size="sm" c="red">
        Unreadable (the secret key changed): rotate it.
      </Text>
    );
  }
  const url = absolute(link.url);
  return (
    <Group gap={4} wrap="nowrap">
      <Code style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} data-testid="form-url">
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
      <Tooltip label="Open the form" withArrow>
        <ActionIcon component="a" href={url} target="_blank" rel="noopener" variant="subtle" color="gray" aria-label="Open the form">
          <IconExternalLink size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/**
 * Public form links of the workflows that start with a form trigger: the address to copy,
 * whether it takes submissions, counts; rotate (a new address, the old one dies), disable.
 */
export function FormsPage() {
  const queryClient = useQueryClient();
  const canManage = useCan('workflows.publish');
  const list = useQuery({
    queryKey: ['forms'],
    queryFn: () => get<{ items: FormLink[]; nextCursor: string | null }>('/api/v1/forms', { limit: 200 }),
  });
  const items = list.data?.items ?? [];
  const act = async (link: FormLink, action: 'rotate' | 'disable' | 'enable', message: string) => {
    try {
      await post(`/api/v1/forms/${link.id}/${action}`);
      await queryClient.invalidateQueries({ queryKey: ['forms'] });
      notifySuccess(message);
    } catch (error) {
      showApiError(error);
    }
  };

  return (
    <>
      <PageHeader
        title="Forms"
        description="Public links that start a workflow: anyone with the link can fill in the form, without an account — a customer's order, a supplier's invoice. Publish a workflow whose trigger is a Form to get one. Treat the link like a password; rotate it when it leaked."
      />
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="forms-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Workflow</Table.Th>
              <Table.Th>Link</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Submissions</Table.Th>
              <Table.Th>Last submission</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((link) => {
              return (
                <Table.Tr key={link.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/workflows/${link.workflowId}`} size="sm">
                      {link.workflowName}
                    </Anchor>
                    {link.title && (
                      <Text size="xs" c="dimmed">
                        {link.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={320}>
                    <LinkCell link={link} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusBadge link={link} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{link.submissions}</Text>
                    {link.spamBlocked > 0 && (
                      <Text size="xs" c="dimmed">
                        {link.spamBlocked} spam blocked
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{link.lastSubmissionAt ? formatTime(link.lastSubmissionAt) : '—'}</Table.Td>
                  <Table.Td>
                    {canManage && (
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {link.enabled ? (
                          <Button size="xs" variant="subtle" onClick={() => act(link, 'disable', 'The form no longer takes submissions.')}>
                            Disable
                          </Button>
                        ) : (
                          <Button size="xs" variant="subtle" onClick={() => act(link, 'enable', 'The form takes submissions again.')}>
                            Enable
                          </Button>
                        )}
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          color="red"
                          question={`Give “${link.workflowName}” a new link? The current one stops working at once; share the new one.`}
                          confirmLabel="Rotate link"
                          onConfirm={() => act(link, 'rotate', 'New link made; the old one no longer works.')}
                        >
                          Rotate
                        </ConfirmButton>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length === 0 && !list.isPending && (
        <Text c="dimmed" size="sm" mt="md">
          No form links yet. Start a workflow with the Form trigger and publish it.
        </Text>
      )}
    </>
  );
}
