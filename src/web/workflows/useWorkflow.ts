import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { WorkflowDetail } from '../api/workflowTypes.ts';

export function useWorkflow(id: string) {
  return useQuery({ queryKey: ['workflow', id], queryFn: () => get<WorkflowDetail>(`/api/v1/workflows/${id}`) });
}
