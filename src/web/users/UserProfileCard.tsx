import { Button, Card, Group, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { patch } from '../api/client.ts';
import type { UserDetail } from '../api/types.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { useUserRefresh } from './useUserRefresh.ts';

/** Name, e-mail and whether the person may sign in. */
export function UserProfileCard({ user, canManage, isSelf }: { user: UserDetail; canManage: boolean; isSelf: boolean }) {
  const refresh = useUserRefresh(user.id);
  const form = useForm({ initialValues: { name: user.name, email: user.email, isActive: user.isActive } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the saved user changes
  useEffect(() => {
    form.setValues({ name: user.name, email: user.email, isActive: user.isActive });
    form.resetDirty({ name: user.name, email: user.email, isActive: user.isActive });
  }, [user.name, user.email, user.isActive]);

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Profile
      </Title>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await patch(`/api/v1/users/${user.id}`, values);
            await refresh();
            notifySuccess('Saved.');
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          <TextInput label="Name" required readOnly={!canManage} {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required readOnly={!canManage} {...form.getInputProps('email')} />
          <Switch
            label="Active"
            description={isSelf ? 'You cannot deactivate yourself.' : 'Deactivated people cannot sign in; their API tokens stop working.'}
            disabled={!canManage || isSelf}
            {...form.getInputProps('isActive', { type: 'checkbox' })}
          />
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                Save changes
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
