import { Code, Text } from '@mantine/core';

/** A value as indented JSON in a scrollable block (or a dimmed note when there is none). */
export function JsonView({ value, empty = 'Nothing', maxHeight = 320 }: { value: unknown; empty?: string; maxHeight?: number }) {
  if (value === undefined || value === null) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Code block style={{ maxHeight, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {typeof value === 'string' ? value : JSON.stringify(value, null, 2)}
    </Code>
  );
}
