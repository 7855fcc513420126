import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { useSession } from './useSession.ts';
import { useSetupStatus } from './useSetupStatus.ts';

/** Shows its children to signed-in users; sends others to setup (first run) or sign-in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const setup = useSetupStatus();
  const location = useLocation();
  if (session.isPending || setup.isPending) return <FullPageLoader />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (!session.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}
