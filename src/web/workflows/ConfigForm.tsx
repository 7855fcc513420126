import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { StepTypeInfo } from '../api/workflowTypes.ts';
import { ConfigField } from './ConfigField.tsx';
import { fieldsFor } from './schemaFields.ts';

/** A step's config form, generated from its type's JSON Schema. */
export function ConfigForm({
  stepType,
  config,
  onChange,
}: {
  stepType: StepTypeInfo;
  config: Record<string, unknown>;
  onChange: (config: Record<string, unknown>) => void;
}) {
  const fields = useMemo(() => fieldsFor(stepType.configSchema, stepType.rawFields), [stepType]);
  if (fields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This step has no settings.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {fields.map((field) => (
        <ConfigField
          key={field.key}
          field={field}
          value={config[field.key]}
          onChange={(value) => {
            const next = { ...config };
            if (value === undefined) delete next[field.key];
            else next[field.key] = value;
            onChange(next);
          }}
        />
      ))}
    </Stack>
  );
}
