import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { patch, post } from '../api/client.ts';
import type { Credential, CredentialTestResult, CredentialTypeInfo } from '../api/credentialTypes.ts';
import { notifySuccess, showApiError } from '../common/formErrors.ts';
import { ConfigField } from '../workflows/ConfigField.tsx';
import { fieldsFor } from '../workflows/schemaFields.ts';
import { type CredentialFormValues, credentialPayload, initialValues, testBody } from './credentialForm.ts';
import { RateLimitFields } from './RateLimitFields.tsx';

const isSet = (value: unknown) => (value as { set?: boolean } | null)?.set === true;

/** Creates a credential, or edits one (`credential` given): fields from its type's schema, secrets write-only, the rate limit. */
export function CredentialFormModal({
  opened,
  onClose,
  credential,
  types,
}: {
  opened: boolean;
  onClose: () => void;
  credential: Credential | null;
  types: CredentialTypeInfo[];
}) {
  const queryClient = useQueryClient();
  const [test, setTest] = useState<CredentialTestResult | null>(null);
  const form = useForm<CredentialFormValues>({
    initialValues: initialValues(null, []),
    validate: {
      name: (v) => (v.trim() ? null : 'Required'),
      type: (v) => (v ? null : 'Choose a type'),
      requests: (v, values) => (!values.limited || (Number(v) >= 1 && Number(v) <= 10_000) ? null : 'Between 1 and 10,000'),
    },
  });
  const type = types.find((t) => t.key === form.values.type);
  const secretFields = type?.secretFields ?? [];
  const fields = useMemo(() => (type ? fieldsFor(type.schema, []) : []), [type]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens for another credential
  useEffect(() => {
    if (!opened) return;
    const secrets = types.find((t) => t.key === credential?.type)?.secretFields ?? [];
    form.setValues(initialValues(credential, secrets));
    form.resetDirty();
    setTest(null);
  }, [opened, credential?.id]);

  const close = () => {
    form.reset();
    onClose();
  };

  async function runTest() {
    try {
      setTest(
        credential && Object.values(form.values.secrets).every((v) => v === '') && !form.isDirty('fields')
          ? await post<CredentialTestResult>(`/api/v1/credentials/${credential.id}/test`)
          : await post<CredentialTestResult>('/api/v1/credentials/test', testBody(form.values)),
      );
    } catch (error) {
      showApiError(error, form.setFieldError);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={credential ? `Edit “${credential.name}”` : 'New credential'} size="lg">
      <form
        data-testid="credential-form"
        onSubmit={form.onSubmit(async (values) => {
          try {
            const body = credentialPayload(values, credential, secretFields);
            if (credential) {
              if (Object.keys(body).length > 0) await patch(`/api/v1/credentials/${credential.id}`, body);
            } else await post('/api/v1/credentials', body);
            await queryClient.invalidateQueries({ queryKey: ['credentials'] });
            notifySuccess(credential ? 'Credential saved.' : 'Credential created.');
            close();
          } catch (error) {
            showApiError(error, form.setFieldError);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Name"
            description="Shown when choosing a credential in a step"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label="Type"
            required
            disabled={credential !== null}
            searchable
            data={types.map((t) => ({ value: t.key, label: `${t.title} (${t.connectorTitle})` }))}
            {...form.getInputProps('type')}
            onChange={(v) => {
              form.setFieldValue('type', v ?? '');
              form.setFieldValue('fields', {});
              form.setFieldValue('secrets', {});
            }}
          />
          {fields.map((field) =>
            secretFields.includes(field.key) ? (
              <PasswordInput
                key={field.key}
                label={field.label}
                description={
                  credential && isSet(credential.fields[field.key])
                    ? 'Stored and never shown. Leave empty to keep it.'
                    : (field.description ?? 'Secret: never shown again after saving.')
                }
                required={field.required && !credential}
                autoComplete="new-password"
                value={form.values.secrets[field.key] ?? ''}
                onChange={(e) => form.setFieldValue(`secrets.${field.key}`, e.currentTarget.value)}
                error={form.errors[`fields.${field.key}`]}
              />
            ) : (
              <div key={field.key}>
                <ConfigField
                  field={field}
                  value={form.values.fields[field.key]}
                  onChange={(value) => {
                    const next = { ...form.values.fields };
                    if (value === undefined) delete next[field.key];
                    else next[field.key] = value;
                    form.setFieldValue('fields', next);
                  }}
                />
                {form.errors[`fields.${field.key}`] && (
                  <Alert color="red" variant="transparent" p={0} mt={4}>
                    {form.errors[`fields.${field.key}`]}
                  </Alert>
                )}
              </div>
            ),
          )}
          <RateLimitFields form={form} />
          {test && (
            <Alert color={test.ok ? 'green' : 'red'} title={test.ok ? 'It works' : `It does not work${test.code ? ` (${test.code})` : ''}`}>
              {test.message}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={runTest} disabled={!type}>
              Test
            </Button>
            <Group>
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                {credential ? 'Save' : 'Create credential'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
