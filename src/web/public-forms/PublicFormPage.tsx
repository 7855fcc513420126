import { Alert, Box, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, get, post, upload } from '../api/client.ts';
import type { FileValue, PublicForm } from '../api/formTypes.ts';
import { errorsByField, initialValue, submittedData } from './formValues.ts';
import { PublicFormField } from './PublicFormField.tsx';

/** The card every state of the page is shown in: centred, full width on a phone. */
function Card({ children }: { children: React.ReactNode }) {
  return (
    <Center mih="100vh" p={{ base: 0, xs: 'md' }} bg="var(--mantine-color-gray-0)">
      <Paper component="main" withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md" w="100%" maw={560}>
        {children}
      </Paper>
    </Center>
  );
}

/**
 * The public form behind a link (`/f/<token>`), for people without an account: the fields
 * of the workflow's form trigger, errors beside the fields, the success message. A hidden
 * honeypot input catches form-filling bots; one submission id per page load makes a double
 * click start one run.
 */
export function PublicFormPage() {
  const { token = '' } = useParams();
  const base = `/api/v1/forms/public/${encodeURIComponent(token)}`;
  const form = useQuery({ queryKey: ['public-form', token], queryFn: () => get<PublicForm>(base), retry: false });
  const [values, setValues] = useState<Record<string, unknown> | null>(null);
  const [honeypot, setHoneypot] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const submissionId = useMemo(() => crypto.randomUUID(), []);

  if (form.isPending) {
    return (
      <Card>
        <Center py="xl">
          <Loader aria-label="Loading the form" />
        </Center>
      </Card>
    );
  }
  if (form.error || !form.data) {
    return (
      <Card>
        <Title order={1} size="h3" mb="sm">
          Form not available
        </Title>
        <Text c="dimmed">{form.error instanceof ApiError ? form.error.message : 'This form could not be loaded.'}</Text>
      </Card>
    );
  }
  const def = form.data;
  const current = values ?? Object.fromEntries(def.fields.map((f) => [f.key, initialValue(f)]));

  if (done !== null) {
    return (
      <Card>
        <Stack align="center" gap="sm" py="lg" data-testid="form-success">
          <IconCircleCheck size={48} color="var(--mantine-color-teal-6)" aria-hidden />
          <Title order={1} size="h3" ta="center">
            {def.title}
          </Title>
          <Text ta="center">{done}</Text>
        </Stack>
      </Card>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setProblem(null);
    try {
      const answer = await post<{ message: string; redirectUrl: string | null }>(base, {
        data: submittedData(def.fields, current),
        submissionId,
        [def.honeypotField]: honeypot,
      });
      if (answer.redirectUrl) window.location.assign(answer.redirectUrl);
      setDone(answer.message);
    } catch (e) {
      const byField = e instanceof ApiError ? errorsByField(e.fieldErrors()) : {};
      setErrors(byField);
      setProblem(Object.keys(byField).length > 0 ? 'Please check the fields marked below.' : e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <Card>
      <Stack gap="xs" mb="lg">
        <Title order={1} size="h2">
          {def.title}
        </Title>
        {def.description && (
          <Text c="dimmed" size="sm" style={{ whiteSpace: 'pre-line' }}>
            {def.description}
          </Text>
        )}
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem && (
            <Alert color="red" role="alert" data-testid="form-problem">
              {problem}
            </Alert>
          )}
          {def.fields.map((field) => (
            <PublicFormField
              key={field.key}
              field={field}
              value={current[field.key]}
              error={errors[field.key]}
              onChange={(v) => {
                setValues({ ...current, [field.key]: v });
                setErrors(({ [field.key]: _cleared, ...rest }) => rest);
                setProblem(null);
              }}
              upload={(file) => upload<FileValue>(`${base}/files?field=${encodeURIComponent(field.key)}`, file)}
            />
          ))}
          {/* The honeypot: out of sight and out of the tab order; people leave it empty, bots fill it in. */}
          <Box aria-hidden style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}>
            <label>
              Website
              <input
                type="text"
                name={def.honeypotField}
                tabIndex={-1}
                autoComplete="off"
                value={honeypot}
                onChange={(e) => setHoneypot(e.currentTarget.value)}
              />
            </label>
          </Box>
          <Button type="submit" loading={sending} size="md" fullWidth>
            {def.submitLabel}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
