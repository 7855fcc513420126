import { Badge, Group, List, Text } from '@mantine/core';
import type { TemplateDetail } from './templateTypes.ts';

/** The template's workflow as a step list in run order (breadth-first from the triggers), each with what follows it. */
export function TemplateSteps({ definition }: { definition: TemplateDetail['definition'] }) {
  const nodes = definition.nodes ?? [];
  const edges = definition.edges ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = nodes.filter((n) => n.type.startsWith('trigger.')).map((n) => n.id);
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    for (const e of edges) if (e.from === id) queue.push(e.to);
  }
  for (const n of nodes) if (!seen.has(n.id)) order.push(n.id);
  return (
    <List type="ordered" spacing={4} data-testid="template-steps">
      {order.map((id) => {
        const n = byId.get(id);
        if (!n) return null;
        const next = edges
          .filter((e) => e.from === id)
          .map((e) => `${byId.get(e.to)?.name ?? e.to}${e.kind && e.kind !== 'default' ? ` (${e.kind})` : ''}`);
        return (
          <List.Item key={id}>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {n.name}
              </Text>
              <Badge size="xs" variant="light" tt="none">
                {n.type}
              </Badge>
              {next.length > 0 && (
                <Text size="xs" c="dimmed">
                  → {next.join(', ')}
                </Text>
              )}
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
