import { ActionIcon, Anchor, Button, Card, Grid, Group, PasswordInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { del, get, patch, post } from '../api/client.ts';
import type { UserDetail } from '../api/types.ts';
import { useCan } from '../auth/useSession.ts';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { formatTime } from '../common/formatTime.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { AssignRoleModal } from '../roles/AssignRoleModal.tsx';
import { RoleBadge } from '../roles/RoleBadge.tsx';

export function UserDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const canManage = useCan('users.manage');
  const canAssign = useCan('roles.assign');
  const [assignOpen, assign] = useDisclosure(false);
  const user = useQuery({ queryKey: ['user', id], queryFn: () => get<UserDetail>(`/api/v1/users/${id}`) });
  const form = useForm({ initialValues: { name: '', email: '', isActive: true } });
  const passwordForm = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters') },
  });
  const data = user.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when the loaded user changes
  useEffect(() => {
    if (data) form.setValues({ name: data.name, email: data.email, isActive: data.isActive });
  }, [data]);

  if (user.isPending) return <FullPageLoader />;
  if (!data) return <Text>{user.error?.message ?? 'User not found.'}</Text>;
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['user', id] }), queryClient.invalidateQueries({ queryKey: ['users'] })]);

  return (
    <>
      <PageHeader
        title={data.name}
        description={`${data.email} · created ${formatTime(data.createdAt)} · last sign-in ${formatTime(data.lastLoginAt)}`}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              Profile
            </Title>
            <form
              onSubmit={form.onSubmit(async (values) => {
                try {
                  await patch(`/api/v1/users/${id}`, values);
                  await refresh();
                  notifySuccess('Saved.');
                } catch (error) {
                  showApiError(error, form.setFieldError);
                }
              })}
            >
              <Stack>
                <TextInput label="Name" disabled={!canManage} {...form.getInputProps('name')} />
                <TextInput label="Email" type="email" disabled={!canManage} {...form.getInputProps('email')} />
                <Switch label="Active (can sign in)" disabled={!canManage} {...form.getInputProps('isActive', { type: 'checkbox' })} />
                {canManage && (
                  <Group justify="flex-end">
                    <Button type="submit" loading={form.submitting}>
                      Save
                    </Button>
                  </Group>
                )}
              </Stack>
            </form>
          </Card>
          {canManage && (
            <Card withBorder mt="md">
              <Title order={2} size="h4" mb="xs">
                Reset password
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                Sets a new password, clears a lock-out and signs the person out everywhere.
              </Text>
              <form
                onSubmit={passwordForm.onSubmit(async ({ password }) => {
                  try {
                    await post(`/api/v1/users/${id}/password`, { password });
                    passwordForm.reset();
                    notifySuccess('Password reset.');
                  } catch (error) {
                    showApiError(error, passwordForm.setFieldError);
                  }
                })}
              >
                <Group align="flex-end">
                  <PasswordInput
                    label="New password"
                    autoComplete="new-password"
                    style={{ flex: 1 }}
                    {...passwordForm.getInputProps('password')}
                  />
                  <Button type="submit" variant="default" loading={passwordForm.submitting}>
                    Reset password
                  </Button>
                </Group>
              </form>
            </Card>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                Roles
              </Title>
              {canAssign && (
                <Button size="xs" variant="light" onClick={assign.open}>
                  Assign role
                </Button>
              )}
            </Group>
            <Table>
              <Table.Tbody>
                {data.roles.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <RoleBadge assignment={r} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {canAssign && r.role !== 'member' && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke ${r.role}`}
                          onClick={async () => {
                            try {
                              await del(`/api/v1/role-assignments/${r.id}`);
                              await refresh();
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
          </Card>
          <Card withBorder mt="md">
            <Title order={2} size="h4" mb="sm">
              Teams
            </Title>
            {data.teams.length === 0 ? (
              <Text size="sm" c="dimmed">
                Not in a team. Add people to teams on the team's page.
              </Text>
            ) : (
              <Stack gap={4}>
                {data.teams.map((t) => (
                  <Anchor key={t.id} component={Link} to={`/teams/${t.id}`}>
                    {t.name}
                  </Anchor>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <AssignRoleModal opened={assignOpen} onClose={assign.close} userId={id} />
    </>
  );
}
