import { Button, FileButton } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { post } from '../api/client.ts';
import type { WorkflowDetail } from '../api/workflowTypes.ts';
import { showApiError } from '../common/formErrors.ts';

/** Creates a workflow from an exported `.workflow.json` file and opens it. */
export function ImportWorkflowButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const importFile = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a JSON file.`);
      }
      const created = await post<WorkflowDetail>('/api/v1/workflows/import', body);
      await queryClient.invalidateQueries({ queryKey: ['workflows'] });
      navigate(`/workflows/${created.id}`);
    } catch (error) {
      showApiError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FileButton onChange={importFile} accept="application/json,.json">
      {(props) => (
        <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={busy}>
          Import from file
        </Button>
      )}
    </FileButton>
  );
}
