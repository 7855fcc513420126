import { Anchor, Badge, Card, Group, Rating, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import type { TemplateSummary } from './templateTypes.ts';

/** One template in the gallery: name, summary, author, uses, stars, category and tags. */
export function TemplateCard({ template: t }: { template: TemplateSummary }) {
  return (
    <Card withBorder padding="md" data-testid="template-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/templates/${t.id}`} fw={600}>
            {t.name}
          </Anchor>
          {t.category && (
            <Badge variant="light" tt="none">
              {t.category.name}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {t.summary || 'No summary.'}
        </Text>
        <Group gap="xs">
          {t.tags.map((tag) => (
            <Badge key={tag} size="xs" variant="outline" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
        <Group justify="space-between" gap="xs">
          <Text size="xs">by {t.author?.name ?? '—'}</Text>
          <Text size="xs" data-testid="template-uses">
            {t.uses} {t.uses === 1 ? 'use' : 'uses'}
          </Text>
          <Group gap={4} data-testid="template-rating">
            <Rating value={t.rating ?? 0} fractions={10} readOnly size="xs" aria-label="Average rating" />
            <Text size="xs">{t.rating === null ? 'no ratings' : `${t.rating.toFixed(1)} (${t.ratingCount})`}</Text>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
