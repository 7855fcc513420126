import { useQueryClient } from '@tanstack/react-query';
import { COUNTS_KEY } from './useTaskCounts.ts';

/** Refetches what a decision changes: the task, the lists, the navigation counts, the run. */
export function useTaskRefresh() {
  const queryClient = useQueryClient();
  return (taskId?: string, runId?: string | null) =>
    Promise.all([
      taskId ? queryClient.invalidateQueries({ queryKey: ['task', taskId] }) : null,
      // Inactive lists too: the inbox must not show a decided task for a moment when you go back to it.
      queryClient.invalidateQueries({ queryKey: ['tasks'], refetchType: 'all' }),
      queryClient.invalidateQueries({ queryKey: COUNTS_KEY }),
      runId ? queryClient.invalidateQueries({ queryKey: ['run', runId] }) : null,
    ]);
}
