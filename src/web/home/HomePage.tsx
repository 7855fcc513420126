import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { get } from '../api/client.ts';
import type { AuditEvent, Page } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { useSession } from '../auth/useSession.ts';
import { formatTime } from '../common/formatTime.ts';
import { RoleBadge } from '../roles/RoleBadge.tsx';
import { StatCard } from './StatCard.tsx';

export function HomePage() {
  const { data: session } = useSession();
  const canAudit = useCan('audit.read');
  const canReadUsers = useCan('users.read');
  const overview = useQuery({
    queryKey: ['overview'],
    queryFn: () => get<{ users: number; teams: number }>('/api/v1/overview'),
    enabled: canReadUsers,
  });
  const recent = useQuery({
    queryKey: ['audit', 'recent'],
    queryFn: () => get<Page<AuditEvent>>('/api/v1/audit-events', { limit: 5 }),
    enabled: canAudit,
  });
  if (!session) return null;
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          Welcome, {session.user.name.split(' ')[0]}
        </Title>
        <Text c="dimmed">Symbiont runs your automation programme: people, ideas, workflows and what they deliver.</Text>
      </div>
      {canReadUsers && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <StatCard label="People" value={overview.data?.users} to="/users" />
          <StatCard label="Teams" value={overview.data?.teams} to="/teams" />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            You
          </Title>
          <Text size="sm" mb="xs">
            {session.user.email}
          </Text>
          <Group gap={6} mb="sm">
            {session.roles.map((r) => (
              <RoleBadge key={r.id} assignment={r} />
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            Teams:{' '}
            {session.user.teams.length === 0
              ? 'none yet'
              : session.user.teams.map((t, i) => (
                  <span key={t.id}>
                    {i > 0 && ', '}
                    <Anchor component={Link} to={`/teams/${t.id}`} size="sm">
                      {t.name}
                    </Anchor>
                  </span>
                ))}
          </Text>
        </Card>
        {canAudit && (
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                Latest changes
              </Title>
              <Anchor component={Link} to="/audit" size="sm">
                Audit log
              </Anchor>
            </Group>
            <Stack gap={6}>
              {(recent.data?.items ?? []).map((e) => (
                <Text key={e.id} size="sm">
                  <Text span ff="monospace" size="sm">
                    {e.action}
                  </Text>{' '}
                  by {e.actorLabel} · {formatTime(e.occurredAt)}
                </Text>
              ))}
              {recent.data?.items.length === 0 && (
                <Text size="sm" c="dimmed">
                  Nothing yet.
                </Text>
              )}
            </Stack>
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
