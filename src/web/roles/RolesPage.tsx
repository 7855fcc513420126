import { Button, Checkbox, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../auth/useCan.ts';
import { PageHeader } from '../common/PageHeader.tsx';
import { UserSelect } from '../common/UserSelect.tsx';
import { AssignRoleModal } from './AssignRoleModal.tsx';
import { RoleAssignmentsTable } from './RoleAssignmentsTable.tsx';
import { RoleCatalogue } from './RoleCatalogue.tsx';

export function RolesPage() {
  const canAssign = useCan('roles.assign');
  const [opened, { open, close }] = useDisclosure(false);
  const [userId, setUserId] = useState<string | null>(null);
  const [showMember, setShowMember] = useState(false);

  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role may do, and who holds which role. A role applies everywhere (global) or to one team or idea category."
        actions={
          canAssign && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              Assign role
            </Button>
          )
        }
      />
      <Title order={2} size="h4" mb="sm">
        Role catalogue
      </Title>
      <RoleCatalogue />
      <Title order={2} size="h4" mb="xs">
        Assignments
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Everyone holds the member role; tick the box to list those too.
      </Text>
      <Group mb="md" align="flex-end">
        <UserSelect label="Filter by person" placeholder="Everyone" value={userId} onChange={(id) => setUserId(id)} w={340} />
        <Checkbox label="Include member roles" checked={showMember} onChange={(e) => setShowMember(e.currentTarget.checked)} mb={8} />
      </Group>
      <RoleAssignmentsTable userId={userId} showMember={showMember} />
      <AssignRoleModal opened={opened} onClose={close} />
    </>
  );
}
