import { Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatJsonValue, parseJsonInput } from './schemaFields.ts';

interface JsonFieldProps {
  label: string;
  description?: string | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  required?: boolean;
}

/** Any JSON value (or a `{{ }}` template), edited as text; reports text that is neither. */
export function JsonField({ label, description, value, onChange, required }: JsonFieldProps) {
  const [text, setText] = useState(() => formatJsonValue(value));
  const [error, setError] = useState<string | null>(null);
  // Take outside changes (another node selected, a reload), not the echo of our own edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the value changes from outside
  useEffect(() => {
    const parsed = parseJsonInput(text);
    if ('error' in parsed || JSON.stringify(parsed.value) !== JSON.stringify(value)) {
      setText(formatJsonValue(value));
      setError(null);
    }
  }, [value]);
  return (
    <Textarea
      label={label}
      description={description}
      required={required}
      autosize
      minRows={2}
      maxRows={14}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      value={text}
      error={error}
      spellCheck={false}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const parsed = parseJsonInput(next);
        if ('error' in parsed) setError(parsed.error);
        else {
          setError(null);
          onChange(parsed.value);
        }
      }}
    />
  );
}
