import { Badge, Button, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get } from '../api/client.ts';
import type { Credential } from '../api/credentialTypes.ts';
import { useCan } from '../auth/useCan.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { CredentialFormModal } from './CredentialFormModal.tsx';
import { rateLimitLabel } from './credentialForm.ts';
import { useCredentialTypes } from './useCredentialTypes.ts';

/** Stored connector credentials: list, create, edit (fields and rate limit), test, delete. */
export function CredentialsPage() {
  const queryClient = useQueryClient();
  const canManage = useCan('credentials.manage');
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [editing, setEditing] = useState<Credential | null>(null);
  const [opened, { open, close }] = useDisclosure(false);
  const types = useCredentialTypes();
  const list = useQuery({
    queryKey: ['credentials', search],
    queryFn: () => get<{ items: Credential[]; nextCursor: string | null }>('/api/v1/credentials', { q: search, limit: 200 }),
  });
  const items = list.data?.items ?? [];
  const edit = (credential: Credential | null) => {
    setEditing(credential);
    open();
  };

  return (
    <>
      <PageHeader
        title="Credentials"
        description="Logins for the services workflow steps talk to — SMTP, IMAP, databases, HTTP APIs, chat webhooks. Stored encrypted; secret fields are never shown again. A rate limit keeps every workflow together under what the service allows."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => edit(null)} disabled={!types.data}>
              New credential
            </Button>
          )
        }
      />
      <TextInput
        placeholder="Search by name"
        aria-label="Search credentials"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={360}
        mb="md"
      />
      <ErrorAlert error={list.error ?? types.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="credentials-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Rate limit</Table.Th>
              <Table.Th>Changed</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.typeTitle}</Table.Td>
                <Table.Td>
                  {c.rateLimit ? (
                    <Badge variant="light" color="violet" tt="none">
                      {rateLimitLabel(c.rateLimit)}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {rateLimitLabel(null)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatTime(c.updatedAt)}</Table.Td>
                <Table.Td>
                  {canManage && (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => edit(c)} disabled={!types.data}>
                        Edit
                      </Button>
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        question={`Delete the credential “${c.name}”? Steps that use it fail until they name another one.`}
                        confirmLabel="Delete credential"
                        onConfirm={async () => {
                          try {
                            await del(`/api/v1/credentials/${c.id}`);
                            await queryClient.invalidateQueries({ queryKey: ['credentials'] });
                            notifySuccess('Credential deleted.');
                          } catch (error) {
                            showApiError(error);
                          }
                        }}
                      >
                        Delete
                      </ConfirmButton>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length === 0 && !list.isPending && (
        <Text c="dimmed" size="sm" mt="md">
          {search ? 'No credential matches.' : 'No credentials yet.'}
        </Text>
      )}
      <CredentialFormModal opened={opened} onClose={close} credential={editing} types={types.data ?? []} />
    </>
  );
}
