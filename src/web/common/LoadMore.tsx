import { Button, Center, Text } from '@mantine/core';

export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  count,
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  count: number;
}) {
  return (
    <Center mt="md">
      {hasNextPage ? (
        <Button variant="default" loading={isFetchingNextPage} onClick={() => fetchNextPage()}>
          Load more
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {count === 0 ? 'Nothing here yet.' : `All ${count} shown.`}
        </Text>
      )}
    </Center>
  );
}
