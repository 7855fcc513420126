import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useRoleCatalogue } from '../common/useRoleCatalogue.ts';

/** One card per role: what it is for, where it can apply, the permissions it grants. */
export function RoleCatalogue() {
  const catalogue = useRoleCatalogue();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} mb="xl" data-testid="role-catalogue">
      {(catalogue.data ?? []).map((role) => (
        <Card withBorder key={role.key}>
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Title order={3} size="h5">
                {role.title}
              </Title>
              <Text size="xs" c="dimmed" ff="monospace">
                {role.key}
              </Text>
            </Group>
            <Text size="sm">{role.description}</Text>
            <Text size="xs" c="dimmed">
              Can apply to: {(role.scopes ?? ['global']).map((s) => (s === 'global' ? 'everything' : `one ${s}`)).join(', ')}
            </Text>
            <Group gap={4} aria-label={`Permissions of ${role.title}`}>
              {role.permissions.map((p) => (
                <Badge key={p} size="xs" variant="outline" tt="none">
                  {p}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
