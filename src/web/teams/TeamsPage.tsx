import { Anchor, Button, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Team } from '../api/types.ts';
import { useCan } from '../auth/useCan.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { LoadMore } from '../common/LoadMore.tsx';
import { PageHeader } from '../common/PageHeader.tsx';
import { usePagedList } from '../common/usePagedList.ts';
import { TeamFormModal } from './TeamFormModal.tsx';

export function TeamsPage() {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [opened, { open, close }] = useDisclosure(false);
  const canManage = useCan('teams.manage');
  const list = usePagedList<Team>('teams', '/api/v1/teams', { q: search.trim() || undefined });

  return (
    <>
      <PageHeader
        title="Teams"
        description="Departments and teams. Managers receive escalations; roles can be scoped to a team."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New team
            </Button>
          )
        }
      />
      <TextInput
        label="Search"
        placeholder="Team name"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={320}
        mb="md"
      />
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={520}>
        <Table striped highlightOnHover data-testid="teams-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Team</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th ta="right">Members</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${t.id}`}>
                    {t.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {t.description || '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{t.memberCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore list={list} />
      <TeamFormModal opened={opened} onClose={close} />
    </>
  );
}
