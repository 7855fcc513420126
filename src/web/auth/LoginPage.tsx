import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError, post } from '../api/client.ts';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { AuthCard } from './AuthCard.tsx';
import { safeNext } from './safeNext.ts';
import { useFinishSignIn } from './useFinishSignIn.ts';
import { useSession } from './useSession.ts';
import { useSetupStatus } from './useSetupStatus.ts';

export function LoginPage() {
  const [params] = useSearchParams();
  const finishSignIn = useFinishSignIn();
  const setup = useSetupStatus();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '', password: '' } });
  if (setup.isPending || session.isPending) return <FullPageLoader />;
  if (setup.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (session.data) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <AuthCard title="Sign in" subtitle="Use your work e-mail address and password.">
      <form
        onSubmit={form.onSubmit(async (values) => {
          setError(null);
          try {
            const res = await post<{ csrfToken: string }>('/api/v1/auth/login', values);
            finishSignIn(res.csrfToken, safeNext(params.get('next')));
          } catch (e) {
            setError(e instanceof ApiError ? e.message : 'Could not reach the server. Try again.');
            form.setFieldValue('password', '');
          }
        })}
      >
        <Stack>
          {error && (
            <Alert color="red" role="alert" title="Not signed in">
              {error}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={form.submitting}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
