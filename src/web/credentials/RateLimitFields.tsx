import { Fieldset, Group, NumberInput, Select, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { CredentialFormValues } from './credentialForm.ts';

const PERIODS = [
  { value: 'second', label: 'per second' },
  { value: 'minute', label: 'per minute' },
  { value: 'hour', label: 'per hour' },
];

/** The rate-limit part of the credential form. */
export function RateLimitFields({ form }: { form: UseFormReturnType<CredentialFormValues> }) {
  const limited = form.values.limited;
  return (
    <Fieldset legend="Rate limit" variant="filled" p="sm">
      <Stack gap="xs">
        <Switch
          label="Limit how often steps use this credential"
          description="Shared by every workflow and worker. A step over the limit waits until a call is allowed — it does not fail and keeps its retries."
          {...form.getInputProps('limited', { type: 'checkbox' })}
        />
        {limited && (
          <>
            <Group grow align="flex-start">
              <NumberInput label="Requests" min={1} max={10_000} allowDecimal={false} required {...form.getInputProps('requests')} />
              <Select label="Window" data={PERIODS} allowDeselect={false} {...form.getInputProps('per')} />
            </Group>
            <NumberInput
              label="At most at once"
              description="Optional. Calls in flight at the same time; empty: only the rate counts."
              min={1}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('maxConcurrent')}
            />
            <Text size="xs" c="dimmed">
              No window of that length ever sees more calls than this, counted from the end of one call to the start of the next.
            </Text>
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
