import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate } from 'react-router-dom';
import { post } from '../api/client.ts';
import { FullPageLoader } from '../common/FullPageLoader.tsx';
import { showApiError } from '../common/formErrors.ts';
import { AuthCard } from './AuthCard.tsx';
import { useFinishSignIn } from './useFinishSignIn.ts';
import { useSetupStatus } from './useSetupStatus.ts';

/** First run: create the first administrator. */
export function SetupPage() {
  const setup = useSetupStatus();
  const finishSignIn = useFinishSignIn();
  const form = useForm({
    initialValues: { name: '', email: '', password: '', confirm: '' },
    validate: {
      name: (v) => (v.trim() ? null : 'Required'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : 'Enter an e-mail address'),
      password: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
      confirm: (v, values) => (v === values.password ? null : 'The passwords differ'),
    },
  });
  if (setup.isPending) return <FullPageLoader />;
  // Already set up: go home (signed-out visitors are sent on to sign-in from there).
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/" replace />;

  return (
    <AuthCard title="Set up Symbiont" subtitle="Create the first administrator. You can invite everyone else afterwards.">
      <form
        onSubmit={form.onSubmit(async ({ name, email, password }) => {
          try {
            const res = await post<{ csrfToken: string }>('/api/v1/setup', { name, email, password });
            finishSignIn(res.csrfToken, '/');
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          <TextInput label="Name" autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput label="Confirm password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Button type="submit" loading={form.submitting}>
            Create admin
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
