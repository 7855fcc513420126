import { ActionIcon, Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { del, put } from '../api/client.ts';
import type { TeamRef } from '../api/types.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { useTeamOptions } from '../common/useTeamOptions.ts';
import { useUserRefresh } from './useUserRefresh.ts';

/** The teams a person belongs to; add to or remove from a team for those allowed to. */
export function UserTeamsCard({ userId, teams, canManage }: { userId: string; teams: TeamRef[]; canManage: boolean }) {
  const refresh = useUserRefresh(userId);
  const options = useTeamOptions().filter((o) => !teams.some((t) => t.id === o.value));
  const change = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action();
      await refresh();
      notifySuccess(message);
    } catch (error) {
      showApiError(error);
    }
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Teams
      </Title>
      <Stack gap={6}>
        {teams.length === 0 && (
          <Text size="sm" c="dimmed">
            Not in a team yet.
          </Text>
        )}
        {teams.map((t) => (
          <Group key={t.id} justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={`/teams/${t.id}`}>
              {t.name}
            </Anchor>
            {canManage && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove from ${t.name}`}
                onClick={() => change(() => del(`/api/v1/teams/${t.id}/members/${userId}`), `Removed from ${t.name}.`)}
              >
                <IconX size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {canManage && options.length > 0 && (
          <Select
            label="Add to team"
            placeholder="Choose a team"
            searchable
            data={options}
            value={null}
            onChange={(teamId) => {
              const team = options.find((o) => o.value === teamId);
              if (teamId && team)
                void change(() => put(`/api/v1/teams/${teamId}/members/${userId}`, { isManager: false }), `Added to ${team.label}.`);
            }}
            mt="xs"
          />
        )}
      </Stack>
    </Card>
  );
}
