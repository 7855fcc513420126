import { Button, Center, Loader, Text } from '@mantine/core';

/** What LoadMore needs of a usePagedList result. */
interface PagedList {
  items: readonly unknown[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isPending: boolean;
  fetchNextPage: () => unknown;
}

/** The foot of a cursor-paginated list: "Load more" while there is more, else a count. */
export function LoadMore({ list }: { list: PagedList }) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPending } = list;
  const count = list.items.length;
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
