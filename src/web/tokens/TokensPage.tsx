import { Badge, Button, Group, Switch, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { del, get } from '../api/client.ts';
import type { ApiToken } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { useSession } from '../auth/useSession.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { NewTokenModal } from './NewTokenModal.tsx';

/** Permissions that need a token's admin scope: holding one lets you grant that scope. */
const ADMIN_SCOPE_PERMISSIONS = ['users.manage', 'roles.assign', 'tokens.manage_all'];

function status(t: ApiToken): { label: string; color: string } {
  if (t.revokedAt) return { label: 'revoked', color: 'gray' };
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return { label: 'expired', color: 'gray' };
  return { label: 'active', color: 'green' };
}

export function TokensPage() {
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const canSeeAll = useCan('tokens.manage_all');
  const [all, setAll] = useState(false);
  const [opened, { open, close }] = useDisclosure(false);
  const tokens = useQuery({
    queryKey: ['tokens', all],
    queryFn: () => get<{ items: ApiToken[] }>('/api/v1/api-tokens', { all: all || undefined }),
  });
  const items = tokens.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and other tools call the API as you, limited to the scopes you choose. Send them as Authorization: Bearer sym_…"
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            New token
          </Button>
        }
      />
      {canSeeAll && <Switch label="Show everyone's tokens" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} mb="md" />}
      <ErrorAlert error={tokens.error} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="tokens-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              {all && <Table.Th>Owner</Table.Th>}
              <Table.Th>Token</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((t) => {
              const s = status(t);
              return (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  {all && <Table.Td>{t.userName}</Table.Td>}
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {t.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {t.scopes.map((sc) => (
                        <Badge key={sc} size="sm" variant="outline">
                          {sc}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatTime(t.lastUsedAt)}</Table.Td>
                  <Table.Td>{t.expiresAt ? formatTime(t.expiresAt) : 'never'}</Table.Td>
                  <Table.Td>
                    <Badge color={s.color} variant="light">
                      {s.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.label === 'active' && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        question={`Revoke the token “${t.name}”? Anything using it stops working at once.`}
                        confirmLabel="Revoke token"
                        onConfirm={async () => {
                          try {
                            await del(`/api/v1/api-tokens/${t.id}`);
                            await queryClient.invalidateQueries({ queryKey: ['tokens'] });
                            notifySuccess('Token revoked.');
                          } catch (error) {
                            showApiError(error);
                          }
                        }}
                      >
                        Revoke
                      </ConfirmButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items.length === 0 && !tokens.isPending && (
        <Text c="dimmed" size="sm" mt="md">
          No tokens yet.
        </Text>
      )}
      <NewTokenModal opened={opened} onClose={close} allowAdmin={ADMIN_SCOPE_PERMISSIONS.some((p) => session?.permissions.includes(p))} />
    </>
  );
}
