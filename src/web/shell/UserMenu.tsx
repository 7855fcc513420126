import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post, setCsrfToken } from '../api/client.ts';
import { ChangePasswordModal } from '../auth/ChangePasswordModal.tsx';
import { useSession } from '../auth/useSession.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((p) => p[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

export function UserMenu() {
  const { data: session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [passwordOpen, password] = useDisclosure(false);
  if (!session) return null;
  const logOut = async () => {
    await post('/api/v1/auth/logout').catch(() => undefined);
    setCsrfToken(null);
    queryClient.clear();
    navigate('/login', { replace: true });
  };
  return (
    <>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <UnstyledButton aria-label={`Account menu for ${session.user.name}`}>
            <Group gap="xs">
              <Avatar radius="xl" size="sm" color="teal">
                {initials(session.user.name)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="xs">
                {session.user.name}
              </Text>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{session.user.email}</Menu.Label>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={password.open}>
            Change password
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate('/tokens')}>
            My API tokens
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={logOut}>
            Log out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
    </>
  );
}
