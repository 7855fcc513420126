import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconApi, IconHome, IconKey, IconListDetails, IconShieldCheck, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/useSession.ts';
import { UserMenu } from './UserMenu.tsx';

interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  permission?: string;
}

/** The pages of each module the server reports (GET /api/v1/auth/session → modules). */
const MODULE_PAGES: Record<string, NavItem[]> = {
  people: [
    { label: 'Users', to: '/users', icon: <IconUsers size={18} />, permission: 'users.read' },
    { label: 'Teams', to: '/teams', icon: <IconUsersGroup size={18} />, permission: 'teams.read' },
  ],
  access: [
    { label: 'Roles', to: '/roles', icon: <IconShieldCheck size={18} />, permission: 'users.read' },
    { label: 'API tokens', to: '/tokens', icon: <IconKey size={18} />, permission: 'tokens.manage_own' },
  ],
  'audit-log': [{ label: 'Audit log', to: '/audit', icon: <IconListDetails size={18} />, permission: 'audit.read' }],
};

/** The frame of every signed-in page: header, navigation (a drawer on small screens), content. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { data: session } = useSession();
  const { pathname } = useLocation();
  const permissions = session?.permissions ?? [];
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  const modules = session?.modules ?? [];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text component={Link} to="/" fw={700} c="green.8" size="lg" td="none">
              Symbiont
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <NavLink component={Link} to="/" label="Home" leftSection={<IconHome size={18} />} active={isActive('/')} onClick={close} />
          {modules.map((m) => {
            const pages = (MODULE_PAGES[m.key] ?? []).filter((i) => !i.permission || permissions.includes(i.permission));
            if (pages.length === 0) return null;
            return (
              <div key={m.key}>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
                  {m.title}
                </Text>
                {pages.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    leftSection={item.icon}
                    active={isActive(item.to)}
                    onClick={close}
                  />
                ))}
              </div>
            );
          })}
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
            Developers
          </Text>
          <NavLink
            component="a"
            href="/api/docs/"
            target="_blank"
            rel="noopener"
            label="API reference"
            leftSection={<IconApi size={18} />}
          />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
