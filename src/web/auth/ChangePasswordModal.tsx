import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { post } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      newPassword: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
      confirm: (v, values) => (v === values.newPassword ? null : 'The passwords differ'),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Change password">
      <form
        onSubmit={form.onSubmit(async ({ currentPassword, newPassword }) => {
          try {
            await post('/api/v1/auth/password', { currentPassword, newPassword });
            notifySuccess('Password changed.');
            close();
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            description="At least 10 characters"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label="Confirm new password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
