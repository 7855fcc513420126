import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <Stack align="flex-start">
      <Title order={1} size="h2">
        Page not found
      </Title>
      <Text c="dimmed">This address does not lead to a page. It may have moved, or the link is mistyped.</Text>
      <Button component={Link} to="/" variant="default">
        Go to the home page
      </Button>
    </Stack>
  );
}
