import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { Page } from '../api/types.ts';

/**
 * A cursor-paginated list ("Load more"), re-fetched when `query` changes, and every
 * `refetchInterval` ms when given (a function of the loaded items, false to pause).
 */
export function usePagedList<T>(
  key: string,
  path: string,
  query: Record<string, string | number | boolean | undefined> = {},
  refetchInterval?: (items: T[]) => number | false,
) {
  const result = useInfiniteQuery({
    queryKey: [key, query],
    queryFn: ({ pageParam }) => get<Page<T>>(path, { ...query, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: refetchInterval
      ? (q: { state: { data: InfiniteData<Page<T>, string | null> | undefined } }) =>
          refetchInterval(q.state.data?.pages.flatMap((p) => p.items) ?? [])
      : undefined,
  });
  return { ...result, items: result.data?.pages.flatMap((p) => p.items) ?? [] };
}
