import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { del } from '../api/client.ts';
import type { RoleAssignment } from '../api/types.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { AssignRoleModal } from '../roles/AssignRoleModal.tsx';
import { RoleBadge } from '../roles/RoleBadge.tsx';
import { useUserRefresh } from './useUserRefresh.ts';

/** The roles a person holds, where each applies; assign and revoke for those allowed to. */
export function UserRolesCard({ userId, roles, canAssign }: { userId: string; roles: RoleAssignment[]; canAssign: boolean }) {
  const refresh = useUserRefresh(userId);
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = async (r: RoleAssignment) => {
    try {
      await del(`/api/v1/role-assignments/${r.id}`);
      await refresh();
      notifySuccess(`Role ${r.role} revoked.`);
    } catch (error) {
      showApiError(error);
    }
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Roles
        </Title>
        {canAssign && (
          <Button size="xs" variant="light" onClick={open}>
            Assign role
          </Button>
        )}
      </Group>
      <Table data-testid="user-roles">
        <Table.Tbody>
          {roles.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <RoleBadge assignment={r} hideScope />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.scopeType === 'global' ? 'Everything' : `${r.scopeType}: ${r.scopeName ?? r.scopeId ?? '—'}`}</Text>
              </Table.Td>
              <Table.Td ta="right">
                {canAssign && r.role !== 'member' && (
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Revoke ${r.role}`}
                    question={`Revoke the role ${r.role}${r.scopeName ? ` for ${r.scopeName}` : ''}?`}
                    confirmLabel="Revoke role"
                    onConfirm={() => revoke(r)}
                  >
                    Revoke
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AssignRoleModal opened={opened} onClose={close} userId={userId} />
    </Card>
  );
}
