import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';

/** What an e-mail link does and its task (GET /api/v1/task-links/{token}: reads only). */
export interface TaskLinkPreview {
  action: 'approve' | 'reject' | 'open';
  expiresAt: string;
  recipient: { name: string };
  task: {
    id: string;
    kind: 'approval' | 'form' | 'task' | 'exception';
    title: string;
    description: string;
    status: string;
    dueAt: string | null;
    workflowName: string | null;
    shown: unknown;
  };
  inboxPath: string;
}

export interface TaskLinkConfirmed {
  action: 'approve' | 'reject';
  task: { id: string; title: string; status: string; outcome: string | null };
  decidedAs: string;
}

export const taskLinkPath = (token: string) => `/api/v1/task-links/${encodeURIComponent(token)}`;

/** The link's preview; not retried (a refused link stays refused). */
export function useTaskLink(token: string) {
  return useQuery({ queryKey: ['task-link', token], queryFn: () => get<TaskLinkPreview>(taskLinkPath(token)), retry: false });
}
