import { Textarea } from '@mantine/core';

/** JSON typed by a person, in a monospace box; `error` says why it cannot be sent. */
export function JsonEditor({
  label,
  description,
  value,
  error,
  onChange,
}: {
  label: string;
  description: string;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      autosize
      minRows={4}
      maxRows={18}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
