import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { TaskCounts } from './taskTypes.ts';

export const COUNTS_KEY = ['task-counts'];

/** Open-task counts for the navigation and the inbox tabs; refreshed every 30 seconds and after each decision. */
export function useTaskCounts(enabled = true) {
  return useQuery({
    queryKey: COUNTS_KEY,
    queryFn: () => get<TaskCounts>('/api/v1/tasks/counts'),
    refetchInterval: 30_000,
    enabled,
  });
}
