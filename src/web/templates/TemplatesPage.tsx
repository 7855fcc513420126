import { Button, Group, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api/client.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { TemplateCard } from './TemplateCard.tsx';
import { SORTS, type TemplateSummary } from './templateTypes.ts';

type Page = { items: TemplateSummary[]; nextCursor: string | null };

/** The template gallery: search, category and tag filters, sort by newest, uses or rating. */
export function TemplatesPage() {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [tag, setTag] = useState('');
  const [tagFilter] = useDebouncedValue(tag, 250);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [sort, setSort] = useState<string | null>('newest');
  const categories = useQuery({
    queryKey: ['idea-categories'],
    queryFn: () => get<{ id: string; name: string }[]>('/api/v1/idea-categories'),
  });
  const list = useInfiniteQuery({
    queryKey: ['templates', search, tagFilter, categoryId, sort],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      get<Page>('/api/v1/templates', {
        q: search || undefined,
        tag: tagFilter.trim() || undefined,
        categoryId: categoryId ?? undefined,
        sort: sort ?? 'newest',
        cursor: pageParam,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Templates"
        description="Workflows colleagues published for reuse. Start from one: you get your own draft, and the author gets the credit."
      />
      <Group mb="md">
        <TextInput
          placeholder="Search templates"
          aria-label="Search templates"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maw={280}
        />
        <Select
          placeholder="Any category"
          aria-label="Category"
          clearable
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={categoryId}
          onChange={setCategoryId}
          maw={200}
        />
        <TextInput placeholder="Tag" aria-label="Tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)} maw={160} />
        <Select aria-label="Sort" data={SORTS} value={sort} onChange={setSort} maw={160} allowDeselect={false} />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed">No templates yet. Open a published workflow and choose “Publish as template”.</Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((t) => (
          <TemplateCard key={t.id} template={t} />
        ))}
      </SimpleGrid>
      {list.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
    </>
  );
}
