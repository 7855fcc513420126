import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { InboxQuery } from './InboxFilters.tsx';

/** What the inbox is for, when it has nothing to show. */
export function InboxEmpty({ query }: { query: InboxQuery }) {
  const filtered = query.kind !== '' || query.due !== '' || query.status !== 'active';
  return (
    <Card withBorder padding="xl" data-testid="inbox-empty">
      <Stack align="center" gap="xs" ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="teal">
          <IconInbox size={28} aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h4">
          {filtered ? 'No task matches these filters' : 'Nothing waits for you'}
        </Title>
        <Text size="sm" c="dimmed" maw={560}>
          {filtered
            ? 'Clear a filter to see more.'
            : 'When a workflow needs a person — an approval, a form to fill in, a to-do, or a step that failed and needs a decision — the task lands here, for you or for your teams. Runs wait, durably, until someone decides.'}
        </Text>
      </Stack>
    </Card>
  );
}
