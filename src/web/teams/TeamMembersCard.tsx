import { ActionIcon, Anchor, Card, Group, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { del, put } from '../api/client.ts';
import type { TeamDetail } from '../api/types.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { UserSelect } from '../common/UserSelect.tsx';

/** A team's members: add by searching people, mark managers, remove. */
export function TeamMembersCard({ team, canManage }: { team: TeamDetail; canManage: boolean }) {
  const queryClient = useQueryClient();
  const change = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action();
      await Promise.all(['team', 'teams', 'user', 'users'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      notifySuccess(message);
    } catch (error) {
      showApiError(error);
    }
  };
  const setMember = (userId: string, isManager: boolean, message: string) =>
    change(() => put(`/api/v1/teams/${team.id}/members/${userId}`, { isManager }), message);
  const memberIds = new Set(team.members.map((m) => m.userId));

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm" wrap="wrap" align="flex-end">
        <Title order={2} size="h4">
          Members ({team.members.length})
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
            {team.members.map((m) => (
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
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      void setMember(m.userId, on, on ? `${m.name} now manages the team.` : `${m.name} no longer manages the team.`);
                    }}
                  />
                </Table.Td>
                <Table.Td ta="right">
                  {canManage && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${m.name}`}
                      onClick={() => change(() => del(`/api/v1/teams/${team.id}/members/${m.userId}`), `${m.name} removed from the team.`)}
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
      {team.members.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          No members yet.
        </Text>
      )}
    </Card>
  );
}
