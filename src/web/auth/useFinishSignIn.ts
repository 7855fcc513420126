import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api/client.ts';

/**
 * After sign-in or setup: keep the new CSRF token, drop every cached answer (they belonged to
 * nobody, or to someone else) and go to `to`.
 */
export function useFinishSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (csrfToken: string, to: string) => {
    setCsrfToken(csrfToken);
    queryClient.removeQueries();
    navigate(to, { replace: true });
  };
}
