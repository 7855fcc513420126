import { NavLink, Text } from '@mantine/core';
import {
  IconApi,
  IconApps,
  IconBulb,
  IconChartLine,
  IconExternalLink,
  IconForms,
  IconHome,
  IconInbox,
  IconPlayerPlay,
  IconRoute,
  IconSitemap,
  IconTemplate,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useGlobalPermissions } from '../auth/useGlobalPermissions.ts';
import { useSession } from '../auth/useSession.ts';
import { InboxBadge } from '../tasks/InboxBadge.tsx';
import { ADMIN_MODULE_KEYS, ADMIN_PAGES } from './adminPages.tsx';

function SectionTitle({ children }: { children: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
      {children}
    </Text>
  );
}

/** Icons of the modules that have one (others get a generic icon). */
const MODULE_ICONS: Record<string, ReactNode> = {
  tasks: <IconInbox size={18} />,
  workflows: <IconSitemap size={18} />,
  runs: <IconPlayerPlay size={18} />,
  symbiosis: <IconUsersGroup size={18} />,
  'process-audit': <IconRoute size={18} />,
  forms: <IconForms size={18} />,
  ideas: <IconBulb size={18} />,
  value: <IconChartLine size={18} />,
  templates: <IconTemplate size={18} />,
};

/** The navigation: home, the server's modules, the administration pages the user may use. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { data: session } = useSession();
  const { pathname } = useLocation();
  const permissions = useGlobalPermissions();
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  const modules = (session?.modules ?? []).filter((m) => !ADMIN_MODULE_KEYS.has(m.key));
  const admin = ADMIN_PAGES.filter((p) => p.anyOf.some((k) => permissions.has(k)));

  return (
    <nav aria-label="Main">
      <NavLink component={Link} to="/" label="Home" leftSection={<IconHome size={18} />} active={isActive('/')} onClick={onNavigate} />
      {modules.length > 0 && <SectionTitle>Modules</SectionTitle>}
      {modules.map((m) => (
        <NavLink
          key={m.key}
          component={Link}
          to={m.path}
          label={m.title}
          leftSection={MODULE_ICONS[m.key] ?? <IconApps size={18} />}
          rightSection={m.key === 'tasks' ? <InboxBadge /> : undefined}
          active={isActive(m.path)}
          onClick={onNavigate}
        />
      ))}
      {admin.length > 0 && <SectionTitle>Administration</SectionTitle>}
      {admin.map((item) => (
        <NavLink
          key={item.to}
          component={Link}
          to={item.to}
          label={item.label}
          leftSection={item.icon}
          active={isActive(item.to)}
          onClick={onNavigate}
        />
      ))}
      <SectionTitle>Developers</SectionTitle>
      <NavLink
        component="a"
        href="/api/docs"
        target="_blank"
        rel="noopener"
        label="API reference"
        description="Opens in a new tab"
        leftSection={<IconApi size={18} />}
        rightSection={<IconExternalLink size={14} aria-hidden />}
      />
    </nav>
  );
}
