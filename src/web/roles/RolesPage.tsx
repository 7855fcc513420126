import { ActionIcon, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { del, get } from '../api/client.ts';
import type { RoleAssignment } from '../api/types.ts';
import { useCan } from '../auth/useSession.ts';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { useRoleCatalogue } from '../common/useRoleCatalogue.ts';
import { AssignRoleModal } from './AssignRoleModal.tsx';
import { RoleBadge } from './RoleBadge.tsx';

export function RolesPage() {
  const queryClient = useQueryClient();
  const canAssign = useCan('roles.assign');
  const [opened, { open, close }] = useDisclosure(false);
  const catalogue = useRoleCatalogue();
  const assignments = useQuery({
    queryKey: ['role-assignments'],
    queryFn: () => get<{ items: RoleAssignment[] }>('/api/v1/role-assignments'),
  });
  const granted = (assignments.data?.items ?? []).filter((a) => a.role !== 'member');

  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role may do, and who holds which role. Roles can be global or scoped to a team or category."
        actions={
          canAssign && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              Assign role
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="xl">
        {(catalogue.data ?? []).map((role) => (
          <Card withBorder key={role.key}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={2} size="h5">
                  {role.title}
                </Title>
                <Text size="xs" c="dimmed">
                  {role.scopes.join(' · ')}
                </Text>
              </Group>
              <Text size="sm">{role.description}</Text>
              <Group gap={4}>
                {role.permissions.map((p) => (
                  <Badge key={p} size="xs" variant="outline" tt="none">
                    {p}
                  </Badge>
                ))}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={2} size="h4" mb="sm">
        Assignments
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Everyone also holds the member role, not listed here.
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {granted.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/users/${a.userId}`}>
                    {a.userName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <RoleBadge assignment={a} />
                </Table.Td>
                <Table.Td>{formatTime(a.createdAt)}</Table.Td>
                <Table.Td ta="right">
                  {canAssign && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Revoke ${a.role} from ${a.userName}`}
                      onClick={async () => {
                        try {
                          await del(`/api/v1/role-assignments/${a.id}`);
                          await queryClient.invalidateQueries({ queryKey: ['role-assignments'] });
                          notifySuccess('Role revoked.');
                        } catch (error) {
                          showApiError(error);
                        }
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AssignRoleModal opened={opened} onClose={close} />
    </>
  );
}
