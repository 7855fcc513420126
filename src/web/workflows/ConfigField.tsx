import { Fieldset, MultiSelect, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { JsonField } from './JsonField.tsx';
import { type FieldSpec, parseNumberInput } from './schemaFields.ts';

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } };

/** "Optional. …" for fields that may stay empty (the forms' convention), plus the default. */
function describe(field: FieldSpec): string | undefined {
  const sentence = (t: string | undefined) => (t ? (/[.!?]$/.test(t) ? t : `${t}.`) : null);
  const parts = [field.required ? null : 'Optional.', sentence(field.description)];
  if (field.default !== undefined && field.kind !== 'object') parts.push(`Default: ${JSON.stringify(field.default)}.`);
  const text = parts.filter(Boolean).join(' ');
  return text || undefined;
}

/** One generated input of a step's config form, for a field described by its JSON Schema. */
export function ConfigField({ field, value, onChange }: { field: FieldSpec; value: unknown; onChange: (value: unknown) => void }) {
  const common = { label: field.label, description: describe(field), required: field.required };
  switch (field.kind) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'code':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxRows={16}
          spellCheck={false}
          styles={mono}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          placeholder={field.default !== undefined ? String(field.default) : undefined}
          value={value === undefined || value === null ? '' : String(value)}
          onChange={(e) => onChange(parseNumberInput(e.currentTarget.value))}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={field.label}
          description={describe(field)}
          checked={typeof value === 'boolean' ? value : field.default === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          data={field.options}
          clearable={!field.required}
          placeholder={field.default !== undefined ? String(field.default) : 'Choose'}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? undefined)}
        />
      );
    case 'multiEnum':
      return (
        <MultiSelect
          {...common}
          data={field.options}
          placeholder={Array.isArray(field.default) ? field.default.join(', ') : undefined}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v.length > 0 ? v : undefined)}
        />
      );
    case 'object': {
      const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      return (
        <Fieldset legend={`${field.label}${field.required ? '' : ' (optional)'}`} variant="filled" p="sm">
          <Stack gap="xs">
            {field.fields.map((sub) => (
              <ConfigField
                key={sub.key}
                field={sub}
                value={obj[sub.key]}
                onChange={(v) => {
                  const next = { ...obj };
                  if (v === undefined) delete next[sub.key];
                  else next[sub.key] = v;
                  onChange(Object.keys(next).length > 0 ? next : undefined);
                }}
              />
            ))}
          </Stack>
        </Fieldset>
      );
    }
    default:
      return <JsonField {...common} value={value} onChange={onChange} />;
  }
}
