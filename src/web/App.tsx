import { Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/AuditPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { NotFoundPage } from './common/NotFoundPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { RolesPage } from './roles/RolesPage.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { TeamDetailPage } from './teams/TeamDetailPage.tsx';
import { TeamsPage } from './teams/TeamsPage.tsx';
import { TokensPage } from './tokens/TokensPage.tsx';
import { UserDetailPage } from './users/UserDetailPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';

export function App() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/:id" element={<UserDetailPage />} />
        <Route path="teams" element={<TeamsPage />} />
        <Route path="teams/:id" element={<TeamDetailPage />} />
        <Route path="roles" element={<RolesPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
