import { post } from '../api/client.ts';
import { notifySuccess } from '../common/formErrors.ts';
import type { TaskDetail } from './taskTypes.ts';
import { useTaskRefresh } from './useTaskRefresh.ts';

/**
 * Sends a decision on a task (`approve`, `complete`, `resolve`, …), tells the person, and
 * refreshes the task, the lists and the counts. Errors are thrown for the caller to place.
 */
export function useDecide(task: TaskDetail) {
  const refresh = useTaskRefresh();
  return async (action: string, body: unknown, success: string): Promise<TaskDetail> => {
    const updated = await post<TaskDetail>(`/api/v1/tasks/${task.id}/${action}`, body);
    notifySuccess(success);
    await refresh(task.id, task.runId);
    return updated;
  };
}
