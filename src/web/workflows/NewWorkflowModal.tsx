import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post } from '../api/client.ts';
import type { WorkflowDetail } from '../api/workflowTypes.ts';
import { showApiError } from '../common/formErrors.ts';
import { useTeamOptions } from '../common/useTeamOptions.ts';

/** Names a new workflow, creates its draft (a manual start) and opens the editor. */
export function NewWorkflowModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const teams = useTeamOptions();
  const form = useForm({
    initialValues: { name: '', description: '', teamId: null as string | null },
    validate: { name: (v) => (v.trim() ? null : 'Required') },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New workflow">
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const created = await post<WorkflowDetail>('/api/v1/workflows', values);
            await queryClient.invalidateQueries({ queryKey: ['workflows'] });
            form.reset();
            onClose();
            navigate(`/workflows/${created.id}`);
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Textarea
            label="Description"
            description="Optional. What it automates, for whom."
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Select
            label="Team"
            description="Optional. The team that owns it: its managers see its tasks, and the symbiosis view groups by it."
            placeholder="No team"
            data={teams}
            clearable
            searchable
            {...form.getInputProps('teamId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Create workflow
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
