import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import type { WorkflowSummary } from '../api/workflowTypes.ts';

/** Workflows for pickers (the first 200, by name), shared by every page that offers them. */
export function useWorkflowOptions(): WorkflowSummary[] {
  const { data } = useQuery({
    queryKey: ['workflows', 'options'],
    queryFn: () => get<Page<WorkflowSummary>>('/api/v1/workflows', { limit: 200 }),
  });
  return data?.items ?? [];
}
