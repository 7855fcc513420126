import { Box, Code, SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import { changedKeys } from './changedKeys.ts';

function Side({ title, value, changed }: { title: string; value: unknown; changed: Set<string> }) {
  const entries = value && typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : null;
  return (
    <Box miw={0}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={4}>
        {title}
      </Text>
      {entries === null ? (
        <Text size="sm" c="dimmed">
          {value === null || value === undefined ? '(nothing)' : JSON.stringify(value)}
        </Text>
      ) : (
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {entries.map(([k, v]) => {
            const isChanged = changed.has(k);
            return (
              <Box
                key={k}
                component="div"
                px={4}
                fw={isChanged ? 700 : undefined}
                bg={isChanged ? 'var(--mantine-color-yellow-2)' : undefined}
                data-changed={isChanged || undefined}
              >
                {isChanged && <VisuallyHidden>changed: </VisuallyHidden>}
                {k}: {JSON.stringify(v, null, 1)}
              </Box>
            );
          })}
        </Code>
      )}
    </Box>
  );
}

/** Before and after side by side; keys whose value changed are highlighted on both sides. */
export function ValueDiff({ before, after }: { before: unknown; after: unknown }) {
  const changed = before && after ? changedKeys(before, after) : new Set<string>();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="audit-diff">
      <Side title="Before" value={before} changed={changed} />
      <Side title="After" value={after} changed={changed} />
    </SimpleGrid>
  );
}
