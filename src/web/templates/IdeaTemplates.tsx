import { Anchor, Group, Paper, Rating, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { get } from '../api/client.ts';
import type { TemplateSummary } from './templateTypes.ts';

/** On an idea's page: the templates published from workflows built for it (nothing when there are none). */
export function IdeaTemplates({ ideaId }: { ideaId: string }) {
  const query = useQuery({
    queryKey: ['templates', 'idea', ideaId],
    queryFn: () => get<{ items: TemplateSummary[] }>('/api/v1/templates', { ideaId, limit: 20 }),
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" mt="md" data-testid="idea-templates">
      <Title order={2} size="h4" mb="xs">
        Templates from this idea
      </Title>
      <Stack gap={4}>
        {items.map((t) => (
          <Group key={t.id} gap="xs">
            <Anchor component={Link} to={`/templates/${t.id}`}>
              {t.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t.uses} {t.uses === 1 ? 'use' : 'uses'}
            </Text>
            <Rating value={t.rating ?? 0} fractions={10} readOnly size="xs" aria-label="Average rating" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
