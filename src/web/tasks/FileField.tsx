import { CloseButton, FileInput, Group, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, upload } from '../api/client.ts';
import { formatBytes } from './formValues.ts';
import type { FileValue, FormFieldDef } from './taskTypes.ts';

/**
 * A file field: the chosen file is uploaded at once (`POST /api/v1/tasks/{id}/files?field=KEY`)
 * and the answer `{ fileId, name, size, contentType }` becomes the field's value.
 */
export function FileField({
  taskId,
  field,
  value,
  onChange,
  label,
  description,
  error,
  required,
  disabled,
}: {
  taskId: string;
  field: FormFieldDef;
  value: FileValue | null;
  onChange: (value: FileValue | null) => void;
  label: string;
  description: string;
  error: string | undefined;
  required: boolean;
  disabled: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  async function choose(file: File | null) {
    setUploadError(null);
    if (!file) return onChange(null);
    setBusy(true);
    try {
      onChange(await upload<FileValue>(`/api/v1/tasks/${taskId}/files?field=${encodeURIComponent(field.key)}`, file));
    } catch (e) {
      onChange(null);
      const why = e instanceof ApiError ? `${e.message} (${e.code})` : (e as Error).message;
      setUploadError(`${file.name} was not uploaded: ${why}`);
    } finally {
      setBusy(false);
    }
  }
  if (value) {
    return (
      <div>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group gap="xs" mt={4} data-testid={`file-${field.key}`}>
          <IconPaperclip size={16} aria-hidden />
          <Text size="sm">
            {value.name} · {formatBytes(value.size)}
          </Text>
          {!disabled && <CloseButton size="sm" aria-label={`Remove ${value.name}`} onClick={() => onChange(null)} />}
        </Group>
        {error && (
          <Text size="xs" c="red.8" mt={4}>
            {error}
          </Text>
        )}
      </div>
    );
  }
  return (
    <FileInput
      label={label}
      description={busy ? 'Uploading…' : description}
      placeholder="Choose a file"
      accept={field.accept?.join(',')}
      required={required}
      withAsterisk={false}
      // Controlled: the box shows a file only once it is uploaded (a refused one is named in the error).
      value={null}
      disabled={disabled || busy}
      error={uploadError ?? error}
      clearable
      leftSection={<IconPaperclip size={16} aria-hidden />}
      onChange={(f) => void choose(f)}
    />
  );
}
