import { Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { post } from '../api/client.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import type { TemplateDetail, TemplateNeed } from './templateTypes.ts';

/** "Use this template": name the new workflow, create it as a draft, open it in the editor. */
export function UseTemplateModal({ template, opened, onClose }: { template: TemplateDetail; opened: boolean; onClose: () => void }) {
  const [name, setName] = useState(template.name);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (opened) setName(template.name);
  }, [opened, template.name]);

  const create = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const used = await post<{ workflowId: string; needs: TemplateNeed[] }>(`/api/v1/templates/${template.id}/use`, { name });
      await queryClient.invalidateQueries({ queryKey: ['templates'] });
      await queryClient.invalidateQueries({ queryKey: ['workflows'] });
      notifySuccess(
        used.needs.length > 0 ? `Workflow created. ${used.needs.length} thing(s) to set before publishing.` : 'Workflow created.',
      );
      onClose();
      navigate(`/workflows/${used.workflowId}`);
    } catch (e) {
      showApiError(e, (path, message) => {
        if (path === 'name') setError(message);
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Use this template">
      <Stack>
        <TextInput
          label="Name of your new workflow"
          required
          data-autofocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error}
        />
        {template.needs.length > 0 && (
          <>
            <Text size="sm">You will set these in the editor before publishing it:</Text>
            <List size="sm">
              {template.needs.map((n) => (
                <List.Item key={`${n.nodeId}-${n.path}`}>
                  {n.nodeName}: {n.message}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={create} loading={busy} disabled={!name.trim()}>
            Create workflow
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
