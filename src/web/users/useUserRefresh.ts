import { useQueryClient } from '@tanstack/react-query';

/** Re-fetches everything that shows a user after a change to them. */
export function useUserRefresh(userId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['user', userId] }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['teams'] }),
      queryClient.invalidateQueries({ queryKey: ['team'] }),
      queryClient.invalidateQueries({ queryKey: ['role-assignments'] }),
      queryClient.invalidateQueries({ queryKey: ['session'] }),
    ]);
}
