import { Button, Group, Paper, SimpleGrid, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { UserSelect } from '../common/UserSelect.tsx';

export const EMPTY_FILTERS = { action: '', objectType: '', objectId: '', actorId: '', from: '', to: '', q: '' };
export type AuditFilterValues = typeof EMPTY_FILTERS;

/** The audit log's filter form; every change applies at once (debounced by the page). */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const field = (key: keyof AuditFilterValues) => ({
    value: value[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.currentTarget.value }),
  });
  return (
    <Paper withBorder p="sm" mb="md" component="form" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput label="Search" description="Any text: names, values, actions" {...field('q')} />
        <TextInput label="Action" description="Exact (team.create) or prefix (team.)" {...field('action')} />
        <TextInput label="Object type" description="user, team, api_token…" {...field('objectType')} />
        <TextInput label="Object id" description="One object's history" {...field('objectId')} />
        <UserSelect
          label="Actor"
          description="Who made the change"
          placeholder="Anyone"
          value={value.actorId || null}
          onChange={(id) => onChange({ ...value, actorId: id ?? '' })}
        />
        <TextInput label="From" description="Your local time" type="datetime-local" {...field('from')} />
        <TextInput label="To" description="Your local time" type="datetime-local" {...field('to')} />
        <Group align="flex-end">
          <Button variant="default" onClick={() => onChange(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        </Group>
      </SimpleGrid>
    </Paper>
  );
}
