import { ActionIcon, Anchor, Breadcrumbs, Button, Card, Group, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { del, get, put } from '../api/client.ts';
import type { TeamDetail } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { useCanInTeam } from '../auth/useCanInTeam.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { UserSelect } from '../common/UserSelect.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';

export function TeamDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editOpen, edit] = useDisclosure(false);
  const team = useQuery({ queryKey: ['team', id], queryFn: () => get<TeamDetail>(`/api/v1/teams/${id}`) });
  // Editing and members: global teams.manage, or a role scoped to this team that grants it.
  // Deleting needs teams.manage globally.
  const canManage = useCanInTeam('teams.manage', id);
  const canDelete = useCan('teams.manage');

  if (team.isPending) return <FullPageLoader />;
  const data = team.data;
  if (!data) return <Text role="alert">{team.error?.message ?? 'Team not found.'}</Text>;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['team', id] }),
      queryClient.invalidateQueries({ queryKey: ['teams'] }),
      queryClient.invalidateQueries({ queryKey: ['user'] }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
    ]);
  const setMember = async (userId: string, isManager: boolean, message: string) => {
    try {
      await put(`/api/v1/teams/${id}/members/${userId}`, { isManager });
      await refresh();
      notifySuccess(message);
    } catch (error) {
      showApiError(error);
    }
  };
  const memberIds = new Set(data.members.map((m) => m.userId));

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/teams" size="sm">
          Teams
        </Anchor>
        <Text size="sm">{data.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={data.name}
        description={data.description || 'No description yet.'}
        actions={
          <>
            {canManage && (
              <Button variant="default" onClick={edit.open}>
                Edit team
              </Button>
            )}
            {canDelete && (
              <ConfirmButton
                color="red"
                variant="light"
                question={`Delete the team ${data.name}? Its memberships and team-scoped roles are removed too.`}
                confirmLabel="Delete team"
                onConfirm={async () => {
                  try {
                    await del(`/api/v1/teams/${id}`);
                    await queryClient.invalidateQueries({ queryKey: ['teams'] });
                    notifySuccess('Team deleted.');
                    navigate('/teams');
                  } catch (error) {
                    showApiError(error);
                  }
                }}
              >
                Delete team
              </ConfirmButton>
            )}
          </>
        }
      />
      <Card withBorder>
        <Group justify="space-between" mb="sm" wrap="wrap" align="flex-end">
          <Title order={2} size="h4">
            Members ({data.members.length})
          </Title>
          {canManage && (
            <UserSelect
              label="Add a member"
              placeholder="Type a name or e-mail"
              exclude={memberIds}
              value={null}
              onChange={(userId, user) => {
                if (userId) void setMember(userId, false, `${user?.name ?? 'Member'} added.`);
              }}
              w={340}
            />
          )}
        </Group>
        <Table.ScrollContainer minWidth={480}>
          <Table data-testid="team-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Manager</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.members.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/users/${m.userId}`}>
                      {m.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`${m.name} manages the team`}
                      checked={m.isManager}
                      disabled={!canManage}
                      onChange={(e) =>
                        setMember(
                          m.userId,
                          e.currentTarget.checked,
                          e.currentTarget.checked ? `${m.name} now manages the team.` : `${m.name} no longer manages the team.`,
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    {canManage && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${m.name}`}
                        onClick={async () => {
                          try {
                            await del(`/api/v1/teams/${id}/members/${m.userId}`);
                            await refresh();
                            notifySuccess(`${m.name} removed from the team.`);
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
        {data.members.length === 0 && (
          <Text size="sm" c="dimmed" mt="sm">
            No members yet.
          </Text>
        )}
      </Card>
      <TeamFormModal opened={editOpen} onClose={edit.close} team={data} />
    </>
  );
}
