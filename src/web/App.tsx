import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AuditPage } from './audit/AuditPage.tsx';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { SetupPage } from './auth/SetupPage.tsx';
import { FullPageLoader } from './common/FullPageLoader.tsx';
import { NotFoundPage } from './common/NotFoundPage.tsx';
import { CredentialsPage } from './credentials/CredentialsPage.tsx';
import { FormsPage } from './forms/FormsPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { IdeaDetailPage } from './ideas/IdeaDetailPage.tsx';
import { IdeasPage } from './ideas/IdeasPage.tsx';
import { ComparePage } from './process-audit/ComparePage.tsx';
import { ProcessAuditPage } from './process-audit/ProcessAuditPage.tsx';
import { PublicFormPage } from './public-forms/PublicFormPage.tsx';
import { RolesPage } from './roles/RolesPage.tsx';
import { RunsPage } from './runs/RunsPage.tsx';
import { AppLayout } from './shell/AppLayout.tsx';
import { SymbiosisPage } from './symbiosis/SymbiosisPage.tsx';
import { ActPage } from './task-links/ActPage.tsx';
import { AwayPage } from './tasks/AwayPage.tsx';
import { InboxPage } from './tasks/InboxPage.tsx';
import { TaskPage } from './tasks/TaskPage.tsx';
import { TeamDetailPage } from './teams/TeamDetailPage.tsx';
import { TeamsPage } from './teams/TeamsPage.tsx';
import { TemplatePage } from './templates/TemplatePage.tsx';
import { TemplatesPage } from './templates/TemplatesPage.tsx';
import { TokensPage } from './tokens/TokensPage.tsx';
import { UserDetailPage } from './users/UserDetailPage.tsx';
import { UsersPage } from './users/UsersPage.tsx';
import { ValuePage } from './value/ValuePage.tsx';
import { WorkflowsPage } from './workflows/WorkflowsPage.tsx';

// The canvas pages carry @xyflow/react and Recharts: loaded when first opened.
const WorkflowEditorPage = lazy(() => import('./workflows/WorkflowEditorPage.tsx').then((m) => ({ default: m.WorkflowEditorPage })));
const ProcessAnalysisPage = lazy(() => import('./process-audit/ProcessAnalysisPage.tsx').then((m) => ({ default: m.ProcessAnalysisPage })));
const AssessmentPage = lazy(() => import('./assessments/AssessmentPage.tsx').then((m) => ({ default: m.AssessmentPage })));
const QuestionnaireEditorPage = lazy(() =>
  import('./assessments/QuestionnaireEditorPage.tsx').then((m) => ({ default: m.QuestionnaireEditorPage })),
);
const RunDetailPage = lazy(() => import('./runs/RunDetailPage.tsx').then((m) => ({ default: m.RunDetailPage })));

export function App() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      {/* One-click links of task e-mails: no sign-in, the token is the capability. */}
      <Route path="/act/:token" element={<ActPage />} />
      {/* Public form links: no sign-in, the token in the address is the permission. */}
      <Route path="/f/:token" element={<PublicFormPage />} />
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
        <Route path="credentials" element={<CredentialsPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="workflows" element={<WorkflowsPage />} />
        <Route
          path="workflows/:id"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <WorkflowEditorPage />
            </Suspense>
          }
        />
        <Route path="tasks" element={<InboxPage />} />
        <Route path="tasks/away" element={<AwayPage />} />
        <Route path="tasks/:id" element={<TaskPage />} />
        <Route path="runs" element={<RunsPage />} />
        <Route path="symbiosis" element={<SymbiosisPage />} />
        <Route path="process-audit" element={<ProcessAuditPage />} />
        <Route path="process-audit/compare" element={<ComparePage />} />
        <Route
          path="process-audit/:id"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <ProcessAnalysisPage />
            </Suspense>
          }
        />
        <Route
          path="process-audit/workflow/:workflowId"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <ProcessAnalysisPage />
            </Suspense>
          }
        />
        <Route path="forms" element={<FormsPage />} />
        <Route path="ideas" element={<IdeasPage />} />
        <Route path="ideas/:id" element={<IdeaDetailPage />} />
        <Route path="value" element={<ValuePage />} />
        <Route path="templates" element={<TemplatesPage />} />
        <Route path="templates/:id" element={<TemplatePage />} />
        <Route
          path="ideas/:id/assessment"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <AssessmentPage />
            </Suspense>
          }
        />
        <Route
          path="assessments/questionnaires"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <QuestionnaireEditorPage />
            </Suspense>
          }
        />
        <Route
          path="runs/:id"
          element={
            <Suspense fallback={<FullPageLoader />}>
              <RunDetailPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
