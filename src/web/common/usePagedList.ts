import { useInfiniteQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { Page } from '../api/types.ts';

/** A cursor-paginated list ("Load more"), re-fetched when `query` changes. */
export function usePagedList<T>(key: string, path: string, query: Record<string, string | number | boolean | undefined> = {}) {
  const result = useInfiniteQuery({
    queryKey: [key, query],
    queryFn: ({ pageParam }) => get<Page<T>>(path, { ...query, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...result, items: result.data?.pages.flatMap((p) => p.items) ?? [] };
}
