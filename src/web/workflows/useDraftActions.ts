import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, post, put } from '../api/client.ts';
import type { ValidationIssue, WorkflowDefinition, WorkflowDetail, WorkflowVersion } from '../api/workflowTypes.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';

interface Draft {
  name: string;
  description: string;
  teamId: string | null;
  definition: WorkflowDefinition;
}

const snapshot = (d: Draft) => JSON.stringify([d.name, d.description, d.teamId, d.definition]);

/** Save draft, publish and run-the-draft for the editor; knows whether the draft has unsaved changes. */
export function useDraftActions(workflowId: string, initial: Draft, current: Draft) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(() => snapshot(initial));
  const [saving, setSaving] = useState(false);
  const dirty = snapshot(current) !== saved;

  /** Saves when there are changes; false (and the problems shown) when the server refuses. */
  async function save(): Promise<boolean> {
    if (!dirty) return true;
    const sent = snapshot(current);
    setSaving(true);
    try {
      const detail = await put<WorkflowDetail>(`/api/v1/workflows/${workflowId}`, current);
      queryClient.setQueryData(['workflow', workflowId], detail);
      void queryClient.invalidateQueries({ queryKey: ['workflows'] });
      setSaved(sent);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'WORKFLOW_INVALID') {
        const issues = (error.details.issues ?? []) as ValidationIssue[];
        queryClient.setQueryData(['workflow-check', JSON.stringify(current.definition)], { ok: false, issues });
      }
      showApiError(error);
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function publish(note: string): Promise<boolean> {
    if (!(await save())) return false;
    try {
      const version = await post<WorkflowVersion>(`/api/v1/workflows/${workflowId}/publish`, { note });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['workflow', workflowId] }),
        queryClient.invalidateQueries({ queryKey: ['workflow-versions', workflowId] }),
        queryClient.invalidateQueries({ queryKey: ['workflows'] }),
      ]);
      notifySuccess(`Version ${version.version} published.`);
      return true;
    } catch (error) {
      showApiError(error);
      return false;
    }
  }

  /** Saves, then starts a run of the draft; the new run's id, or null. */
  async function runDraft(input: unknown): Promise<string | null> {
    if (!(await save())) return null;
    try {
      const { runId } = await post<{ runId: string }>(`/api/v1/workflows/${workflowId}/runs`, { input, draft: true });
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
      return runId;
    } catch (error) {
      showApiError(error);
      return null;
    }
  }

  return { dirty, saving, save, publish, runDraft };
}
