import { Button, Card, Group, PasswordInput, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { post } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';

/** An administrator sets a new password for someone (ends their sessions, clears a lock-out). */
export function ResetPasswordCard({ userId, userName }: { userId: string; userName: string }) {
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters') },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Reset password
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Sets a new password for {userName}, clears a lock-out after wrong passwords and signs them out everywhere. Tell them the new
        password another way.
      </Text>
      <form
        onSubmit={form.onSubmit(async ({ password }) => {
          try {
            await post(`/api/v1/users/${userId}/password`, { password });
            form.reset();
            notifySuccess(`Password of ${userName} reset.`);
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Group align="flex-start">
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            style={{ flex: 1, minWidth: 200 }}
            {...form.getInputProps('password')}
          />
          <Button type="submit" variant="default" loading={form.submitting} mt={44}>
            Reset password
          </Button>
        </Group>
      </form>
    </Card>
  );
}
