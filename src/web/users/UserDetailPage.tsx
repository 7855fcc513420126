import { Anchor, Breadcrumbs, Grid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../api/client.ts';
import type { UserDetail } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { useSession } from '../auth/useSession.ts';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { formatTime } from '../common/formatTime.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { ResetPasswordCard } from './ResetPasswordCard.tsx';
import { UserProfileCard } from './UserProfileCard.tsx';
import { UserRolesCard } from './UserRolesCard.tsx';
import { UserTeamsCard } from './UserTeamsCard.tsx';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { data: session } = useSession();
  const canManage = useCan('users.manage');
  const canAssign = useCan('roles.assign');
  const canManageTeams = useCan('teams.manage');
  const user = useQuery({ queryKey: ['user', id], queryFn: () => get<UserDetail>(`/api/v1/users/${id}`) });

  if (user.isPending) return <FullPageLoader />;
  const data = user.data;
  if (!data) return <Text role="alert">{user.error?.message ?? 'User not found.'}</Text>;

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/users" size="sm">
          Users
        </Anchor>
        <Text size="sm">{data.name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={data.name}
        description={`${data.email}${data.isActive ? '' : ' · deactivated'} · created ${formatTime(data.createdAt)} · last sign-in ${formatTime(data.lastLoginAt)}`}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <UserProfileCard user={data} canManage={canManage} isSelf={session?.user.id === data.id} />
            {canManage && <ResetPasswordCard userId={data.id} userName={data.name} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack>
            <UserRolesCard userId={data.id} roles={data.roles} canAssign={canAssign} />
            <UserTeamsCard userId={data.id} teams={data.teams} canManage={canManageTeams} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
