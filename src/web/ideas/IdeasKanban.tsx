import { Anchor, Badge, Card, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { type IdeaRow, label, PHASES } from './ideaTypes.ts';

/** The pipeline as a board: a column per phase, a card per idea (score, status, votes). */
export function IdeasKanban({ items }: { items: IdeaRow[] }) {
  return (
    <ScrollArea type="auto" data-testid="ideas-kanban">
      <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
        {PHASES.map((phase) => {
          const cards = items.filter((i) => i.phase === phase);
          return (
            <Stack key={phase} w={220} gap="xs" style={{ flexShrink: 0 }} data-phase={phase}>
              <Group justify="space-between">
                <Text fw={700} size="sm" tt="capitalize">
                  {label(phase)}
                </Text>
                <Badge variant="light" size="sm">
                  {cards.length}
                </Badge>
              </Group>
              {cards.map((i) => (
                <Card key={i.id} withBorder padding="xs">
                  <Anchor component={Link} to={`/ideas/${i.id}`} size="sm" fw={600}>
                    {i.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {i.categoryName}
                    {i.teamName ? ` · ${i.teamName}` : ''}
                  </Text>
                  <Group gap={4} mt={4}>
                    <Badge size="xs" variant="outline" tt="none">
                      {label(i.status)}
                    </Badge>
                    <Badge size="xs" color={i.feasible ? 'teal' : 'orange'} variant="light">
                      score {i.score}
                    </Badge>
                    <Badge size="xs" variant="light" color="gray">
                      {i.votes} votes
                    </Badge>
                  </Group>
                </Card>
              ))}
            </Stack>
          );
        })}
      </Group>
    </ScrollArea>
  );
}
