import { Button, Center, Loader, Text } from '@mantine/core';

/** The foot of a cursor-paginated list: "Load more" while there is more, else a count. */
export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  count,
  isPending = false,
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  count: number;
  isPending?: boolean;
}) {
  return (
    <Center mt="md">
      {isPending ? (
        <Loader size="sm" aria-label="Loading" />
      ) : hasNextPage ? (
        <Button variant="default" loading={isFetchingNextPage} onClick={() => fetchNextPage()}>
          Load more
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {count === 0 ? 'Nothing found.' : `All ${count} shown.`}
        </Text>
      )}
    </Center>
  );
}
