import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../api/client.ts';
import { showApiError } from '../common/formErrors.ts';

/** Creates a token and shows its secret once. */
export function NewTokenModal({ opened, onClose, allowAdmin }: { opened: boolean; onClose: () => void; allowAdmin: boolean }) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', scopes: ['read'] as string[], expiresInDays: 90 as number | string },
    validate: { name: (v) => (v.trim() ? null : 'Required'), scopes: (v) => (v.length ? null : 'Choose at least one scope') },
  });
  const close = () => {
    setSecret(null);
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={secret ? 'Your new API token' : 'New API token'} size="lg">
      {secret ? (
        <Stack>
          <Alert color="yellow" title="Copy it now">
            This is the only time the token is shown. Store it in your password manager or secret store.
          </Alert>
          <Code block data-testid="new-token">
            {secret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={secret}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy token'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit(async (values) => {
            try {
              const days = Number(values.expiresInDays);
              const res = await post<{ token: string }>('/api/v1/api-tokens', {
                name: values.name,
                scopes: values.scopes,
                expiresInDays: days > 0 ? days : undefined,
              });
              setSecret(res.token);
              await queryClient.invalidateQueries({ queryKey: ['tokens'] });
            } catch (error) {
              showApiError(error, form.setFieldError);
            }
          })}
        >
          <Stack>
            <TextInput
              label="Name"
              description="What the token is for, e.g. “reporting script”"
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Checkbox.Group
              label="Scopes"
              description="read: GET requests · write: changes · admin: administrator actions"
              {...form.getInputProps('scopes')}
            >
              <Group mt="xs">
                <Checkbox value="read" label="read" />
                <Checkbox value="write" label="write" />
                {allowAdmin && <Checkbox value="admin" label="admin" />}
              </Group>
            </Checkbox.Group>
            <NumberInput
              label="Expires after (days)"
              description="0 or empty: never"
              min={0}
              max={3650}
              {...form.getInputProps('expiresInDays')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
