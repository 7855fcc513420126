import { Checkbox, FileInput, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { FileValue, FormFieldDef } from '../api/formTypes.ts';
import { formatBytes } from './formValues.ts';

interface Props {
  field: FormFieldDef;
  value: unknown;
  error?: string | undefined;
  onChange: (value: unknown) => void;
  /** Uploads a file for this field; resolves with the value the field then holds. */
  upload: (file: File) => Promise<FileValue>;
}

const optionsOf = (field: FormFieldDef) =>
  (field.options ?? []).map((o) => (typeof o === 'string' ? { value: o, label: o } : { value: o.value, label: o.label }));

/** One field of a public form, drawn by its type. */
export function PublicFormField({ field, value, error, onChange, upload }: Props) {
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  // As everywhere in the app: required fields carry no asterisk, optional ones say so.
  const optional = field.required ? undefined : 'Optional';
  const description = [field.help, optional].filter(Boolean).join(' · ') || undefined;
  const common = { label: field.label, description, required: field.required, error, name: field.key };
  const text = typeof value === 'string' ? value : '';

  switch (field.type) {
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxLength={field.maxLength}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
    case 'integer':
      return (
        <NumberInput
          {...common}
          allowDecimal={field.type === 'number'}
          min={field.min}
          max={field.max}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v)}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={field.label}
          description={field.help}
          error={error}
          name={field.key}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'select':
      return <Select {...common} data={optionsOf(field)} value={text || null} onChange={(v) => onChange(v ?? '')} clearable searchable />;
    case 'multiselect':
      return (
        <MultiSelect {...common} data={optionsOf(field)} value={Array.isArray(value) ? (value as string[]) : []} onChange={onChange} />
      );
    case 'date':
      return <TextInput {...common} type="date" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'datetime':
      return <TextInput {...common} type="datetime-local" value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'file': {
      const held = value && typeof value === 'object' ? (value as FileValue) : null;
      const limit = field.maxBytes ?? 10 * 1024 * 1024;
      const hint = held
        ? `Uploaded: ${held.name} (${formatBytes(held.size)})`
        : [field.help, `Up to ${formatBytes(limit)}${field.accept?.length ? ` (${field.accept.join(', ')})` : ''}`, optional]
            .filter(Boolean)
            .join(' · ');
      return (
        <FileInput
          {...common}
          description={hint}
          withAsterisk={false}
          error={uploadError ?? error}
          placeholder={uploading ? 'Uploading…' : 'Choose a file'}
          leftSection={<IconPaperclip size={16} />}
          accept={field.accept?.join(',')}
          clearable
          disabled={uploading}
          value={chosen}
          onChange={async (file) => {
            setUploadError(null);
            setChosen(file);
            if (!file) return onChange('');
            if (file.size > limit) {
              setUploadError(`The file is larger than ${formatBytes(limit)}.`);
              setChosen(null);
              return onChange('');
            }
            setUploading(true);
            try {
              onChange(await upload(file));
            } catch (e) {
              setUploadError(e instanceof ApiError ? e.message : String(e));
              setChosen(null);
              onChange('');
            } finally {
              setUploading(false);
            }
          }}
        />
      );
    }
    default:
      return (
        <TextInput
          {...common}
          type={field.type === 'email' ? 'email' : 'text'}
          maxLength={field.maxLength}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
