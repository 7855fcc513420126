import { Anchor, Badge, Button, Checkbox, Group, Select, Table, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { User } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { formatTime } from '../common/formatTime.ts';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { useTeamOptions } from '../common/useTeamOptions.ts';
import { NewUserModal } from './NewUserModal.tsx';

export function UsersPage() {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [includeInactive, setIncludeInactive] = useState(false);
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useTeamOptions();
  const [opened, { open, close }] = useDisclosure(false);
  const canManage = useCan('users.manage');
  const list = usePagedList<User>('users', '/api/v1/users', {
    q: search.trim() || undefined,
    teamId: teamId ?? undefined,
    includeInactive,
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who works with Symbiont. Every user is a member; roles add rights."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New user
            </Button>
          )
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Name or e-mail"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={300}
        />
        <Select label="Team" placeholder="All teams" data={teams} value={teamId} onChange={setTeamId} clearable searchable w={220} />
        <Checkbox label="Show deactivated" checked={includeInactive} onChange={(e) => setIncludeInactive(e.currentTarget.checked)} mb={8} />
      </Group>
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Teams</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/users/${u.id}`}>
                    {u.name}
                  </Anchor>
                  {!u.isActive && (
                    <Badge ml="xs" color="gray" size="sm">
                      deactivated
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{u.teams.map((t) => t.name).join(', ') || '—'}</Table.Td>
                <Table.Td>{formatTime(u.lastLoginAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore list={list} />
      <NewUserModal opened={opened} onClose={close} />
    </>
  );
}
