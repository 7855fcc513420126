import { Button, Group, Modal, MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../api/client.ts';
import type { User } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { useRoleCatalogue } from '../common/useRoleCatalogue.ts';
import { useTeamOptions } from '../common/useTeamOptions.ts';

export function NewUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const teams = useTeamOptions();
  const roles = useRoleCatalogue().data ?? [];
  const canAssign = useCan('roles.assign');
  const form = useForm({
    initialValues: { name: '', email: '', password: '', teamIds: [] as string[], roles: [] as string[] },
    validate: { password: (v) => (v === '' || v.length >= 10 ? null : 'Use at least 10 characters, or leave empty') },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="New user" size="lg">
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const user = await post<User>('/api/v1/users', {
              name: values.name,
              email: values.email,
              password: values.password || undefined,
              teamIds: values.teamIds,
              roles: values.roles.map((role) => ({ role, scopeType: 'global' })),
            });
            await queryClient.invalidateQueries({ queryKey: ['users'] });
            await queryClient.invalidateQueries({ queryKey: ['teams'] });
            notifySuccess(`${user.name} was created.`);
            close();
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="Optional. At least 10 characters. Without one the person cannot sign in until an administrator resets it."
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <MultiSelect label="Teams" description="Optional" data={teams} searchable clearable {...form.getInputProps('teamIds')} />
          {canAssign && (
            <MultiSelect
              label="Roles"
              description="Everyone is a member; add global roles here, or team-scoped roles on the user's page."
              data={roles.filter((r) => r.key !== 'member').map((r) => ({ value: r.key, label: r.title }))}
              clearable
              {...form.getInputProps('roles')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
