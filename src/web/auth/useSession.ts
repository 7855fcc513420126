import { useQuery } from '@tanstack/react-query';
import { ApiError, get, setCsrfToken } from '../api/client.ts';
import type { SessionInfo } from '../api/types.ts';

/** The signed-in user (null when signed out). Keeps the CSRF token for writes. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async (): Promise<SessionInfo | null> => {
      try {
        const session = await get<SessionInfo>('/api/v1/auth/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
