import { Anchor, Breadcrumbs, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { del, get } from '../api/client.ts';
import type { TeamDetail } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { useCanInTeam } from '../auth/useCanInTeam.ts';
import { ConfirmButton } from '../common/ConfirmButton.tsx';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';
import { TeamMembersCard } from './TeamMembersCard.tsx';

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
  const deleteTeam = async () => {
    try {
      await del(`/api/v1/teams/${id}`);
      await queryClient.invalidateQueries({ queryKey: ['teams'] });
      notifySuccess(`Team ${data.name} deleted.`);
      navigate('/teams');
    } catch (error) {
      showApiError(error);
    }
  };

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
                onConfirm={deleteTeam}
              >
                Delete team
              </ConfirmButton>
            )}
          </>
        }
      />
      <TeamMembersCard team={data} canManage={canManage} />
      <TeamFormModal opened={editOpen} onClose={edit.close} team={data} />
    </>
  );
}
