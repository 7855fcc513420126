import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { patch, post } from '../api/client.ts';
import type { Team } from '../api/types.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';

/** Creates a team, or edits `team` when given. */
export function TeamFormModal({ opened, onClose, team }: { opened: boolean; onClose: () => void; team?: Team }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: '', description: '' }, validate: { name: (v) => (v.trim() ? null : 'Required') } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill when the dialog opens
  useEffect(() => {
    if (opened) form.setValues({ name: team?.name ?? '', description: team?.description ?? '' });
  }, [opened, team]);
  return (
    <Modal opened={opened} onClose={onClose} title={team ? 'Edit team' : 'New team'}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            if (team) await patch(`/api/v1/teams/${team.id}`, values);
            else await post('/api/v1/teams', values);
            await queryClient.invalidateQueries({ queryKey: ['teams'] });
            await queryClient.invalidateQueries({ queryKey: ['team'] });
            notifySuccess(team ? 'Team saved.' : `Team ${values.name} created.`);
            onClose();
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {team ? 'Save team' : 'Create team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
