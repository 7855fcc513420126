import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { post } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { UserSelect } from '../common/UserSelect.tsx';
import { useRoleCatalogue } from '../common/useRoleCatalogue.ts';
import { useTeamOptions } from '../common/useTeamOptions.ts';

const SCOPE_LABELS: Record<string, string> = { global: 'Everything (global)', team: 'One team', category: 'One idea category' };

/** Assigns a role to a user (fixed when `userId` is given), globally or scoped. */
export function AssignRoleModal({ opened, onClose, userId }: { opened: boolean; onClose: () => void; userId?: string }) {
  const queryClient = useQueryClient();
  const roles = useRoleCatalogue().data ?? [];
  const teams = useTeamOptions();
  const form = useForm({
    initialValues: { userId: userId ?? '', role: '', scopeType: 'global', scopeId: '' },
    validate: {
      userId: (v) => (v ? null : 'Choose a person'),
      role: (v) => (v ? null : 'Choose a role'),
      scopeId: (v, values) => (values.scopeType === 'global' || v ? null : `Choose the ${values.scopeType}`),
    },
  });
  const role = roles.find((r) => r.key === form.values.role);
  const close = () => {
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Assign a role">
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await post('/api/v1/role-assignments', {
              userId: values.userId,
              role: values.role,
              scopeType: values.scopeType,
              scopeId: values.scopeType === 'global' ? undefined : values.scopeId,
            });
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: ['role-assignments'] }),
              queryClient.invalidateQueries({ queryKey: ['user'] }),
              queryClient.invalidateQueries({ queryKey: ['session'] }),
            ]);
            notifySuccess('Role assigned.');
            close();
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          {!userId && (
            <UserSelect
              label="Person"
              required
              data-autofocus
              value={form.values.userId || null}
              onChange={(id) => form.setFieldValue('userId', id ?? '')}
              error={form.errors.userId}
            />
          )}
          <Select
            label="Role"
            required
            data={roles.map((r) => ({ value: r.key, label: r.title }))}
            description={role?.description}
            {...form.getInputProps('role')}
            onChange={(v) => {
              form.setFieldValue('role', v ?? '');
              form.setFieldValue('scopeType', 'global');
              form.setFieldValue('scopeId', '');
            }}
          />
          <Select
            label="Applies to"
            data={(role?.scopes ?? ['global']).map((s) => ({ value: s, label: SCOPE_LABELS[s] ?? s }))}
            allowDeselect={false}
            {...form.getInputProps('scopeType')}
          />
          {form.values.scopeType === 'team' && <Select label="Team" required searchable data={teams} {...form.getInputProps('scopeId')} />}
          {form.values.scopeType === 'category' && (
            <TextInput
              label="Category"
              description="The idea category's id (categories arrive with the idea pipeline)"
              required
              {...form.getInputProps('scopeId')}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Assign role
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
