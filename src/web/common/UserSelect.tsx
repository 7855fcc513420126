import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { get } from '../api/client.ts';
import type { Page, User } from '../api/types.ts';

interface UserSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string | null;
  onChange: (userId: string | null, user: User | null) => void;
  /** Users not to offer (e.g. people already in the team). */
  exclude?: Set<string>;
}

/** Picks a person by typing part of their name or e-mail (searches the server). */
export function UserSelect({ value, onChange, exclude, ...props }: UserSelectProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // The chosen person stays an option even when the latest search no longer returns them.
  const chosen = useRef<User | null>(null);
  const label = (u: User) => `${u.name} (${u.email})`;
  // Once someone is chosen the box shows their label; that is not a search.
  const q = chosen.current && debounced === label(chosen.current) ? '' : debounced;
  const users = useQuery({
    queryKey: ['users', 'search', q],
    queryFn: () => get<Page<User>>('/api/v1/users', { q: q || undefined, limit: 20 }),
  });
  const found = (users.data?.items ?? []).filter((u) => !exclude?.has(u.id));
  const byId = new Map(found.map((u) => [u.id, u]));
  if (chosen.current && chosen.current.id === value) byId.set(chosen.current.id, chosen.current);
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={users.isFetching ? 'Searching…' : 'Nobody found'}
      {...props}
      filter={({ options }) => options}
      data={[...byId.values()].map((u) => ({ value: u.id, label: label(u) }))}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const user = id ? (byId.get(id) ?? null) : null;
        chosen.current = user;
        onChange(id, user);
      }}
    />
  );
}
