import { Box, Code, SimpleGrid, Text } from '@mantine/core';
import { changedKeys } from './changedKeys.ts';

function Side({ title, value, changed }: { title: string; value: unknown; changed: Set<string> }) {
  const entries = value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : null;
  return (
    <Box>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
        {title}
      </Text>
      {entries === null ? (
        <Text size="sm" c="dimmed">
          {value === null || value === undefined ? '(nothing)' : String(value)}
        </Text>
      ) : (
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {entries.map(([k, v]) => (
            <Box
              key={k}
              component="div"
              bg={changed.has(k) ? 'var(--mantine-color-yellow-1)' : undefined}
              data-changed={changed.has(k) || undefined}
            >
              {k}: {JSON.stringify(v)}
            </Box>
          ))}
        </Code>
      )}
    </Box>
  );
}

/** Before and after side by side; changed keys highlighted. */
export function ValueDiff({ before, after }: { before: unknown; after: unknown }) {
  const changed = changedKeys(before, after);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Side title="Before" value={before} changed={changed} />
      <Side title="After" value={after} changed={changed} />
    </SimpleGrid>
  );
}
