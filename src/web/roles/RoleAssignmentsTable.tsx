import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { del, get } from '../api/client.ts';
import type { RoleAssignment } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { RoleBadge } from './RoleBadge.tsx';

/** Role assignments (of one user when `userId` is set), with revoke for those allowed to. */
export function RoleAssignmentsTable({ userId, showMember }: { userId: string | null; showMember: boolean }) {
  const queryClient = useQueryClient();
  const canAssign = useCan('roles.assign');
  const assignments = useQuery({
    queryKey: ['role-assignments', userId],
    queryFn: () => get<{ items: RoleAssignment[] }>('/api/v1/role-assignments', { userId: userId ?? undefined }),
  });
  const rows = (assignments.data?.items ?? []).filter((a) => showMember || a.role !== 'member');
  const revoke = async (a: RoleAssignment) => {
    try {
      await del(`/api/v1/role-assignments/${a.id}`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['role-assignments'] }),
        queryClient.invalidateQueries({ queryKey: ['user', a.userId] }),
      ]);
      notifySuccess(`Revoked ${a.role} from ${a.userName}.`);
    } catch (error) {
      showApiError(error);
    }
  };

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="role-assignments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Applies to</Table.Th>
            <Table.Th>Since</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/users/${a.userId}`}>
                  {a.userName}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <RoleBadge assignment={a} hideScope />
              </Table.Td>
              <Table.Td>{a.scopeType === 'global' ? 'Everything' : `${a.scopeType}: ${a.scopeName ?? a.scopeId ?? '—'}`}</Table.Td>
              <Table.Td>{formatTime(a.createdAt)}</Table.Td>
              <Table.Td ta="right">
                {canAssign && a.role !== 'member' && (
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Revoke ${a.role} from ${a.userName}`}
                    question={`Revoke the role ${a.role} from ${a.userName}? They lose its rights at once.`}
                    confirmLabel="Revoke role"
                    onConfirm={() => revoke(a)}
                  >
                    Revoke
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!assignments.isPending && rows.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          No role assignments match.
        </Text>
      )}
    </Table.ScrollContainer>
  );
}
