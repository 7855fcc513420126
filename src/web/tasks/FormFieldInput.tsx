import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { FileField } from './FileField.tsx';
import { type FieldInput, fieldHint, optionLabel, optionValue } from './formValues.ts';
import type { FileValue, FormFieldDef } from './taskTypes.ts';

/** One field of a form step, as the input its type needs, with its limits as a hint. */
export function FormFieldInput({
  taskId,
  field,
  value,
  error,
  disabled,
  onChange,
}: {
  taskId: string;
  field: FormFieldDef;
  value: FieldInput | undefined;
  error: string | undefined;
  disabled: boolean;
  onChange: (value: FieldInput) => void;
}) {
  const required = field.required === true;
  const description = [required || field.type === 'boolean' ? '' : 'Optional', fieldHint(field)].filter(Boolean).join(' · ');
  const common = {
    label: field.label,
    description: description || undefined,
    error,
    required,
    disabled,
    // As everywhere in the app (theme.ts): no asterisk; optional fields say so instead.
    withAsterisk: false,
  };
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  const data = (field.options ?? []).map((o) => ({ value: optionValue(o), label: optionLabel(o) }));
  // A prefill from run data that is not a choice stays visible, so the person sees what to change.
  if (field.type === 'select' && text && !data.some((o) => o.value === text)) data.push({ value: text, label: `${text} (not a choice)` });
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} autosize minRows={3} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
    case 'integer':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          min={field.min}
          max={field.max}
          allowDecimal={field.type === 'number'}
          clampBehavior="none"
          onChange={(v) => onChange(v)}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={field.label}
          description={common.description}
          error={error}
          disabled={disabled}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'datetime':
      return <TextInput {...common} type="datetime-local" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'email':
      return <TextInput {...common} type="email" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'select':
      return (
        <Select
          {...common}
          data={data}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          clearable={!required}
          searchable={data.length > 8}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={data}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          searchable={data.length > 8}
        />
      );
    case 'file':
      return (
        <FileField
          taskId={taskId}
          field={field}
          value={value && typeof value === 'object' && !Array.isArray(value) ? (value as FileValue) : null}
          onChange={onChange}
          label={field.label}
          description={common.description ?? ''}
          error={error}
          required={required}
          disabled={disabled}
        />
      );
    default:
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
