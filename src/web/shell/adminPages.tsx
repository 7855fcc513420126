import { IconKey, IconListDetails, IconLock, IconShieldCheck, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
  /** Shown when the user holds any of these permissions. */
  anyOf: string[];
}

/** The administration pages, each shown only to people who may use it. */
export const ADMIN_PAGES: NavItem[] = [
  { label: 'Users', to: '/users', icon: <IconUsers size={18} />, anyOf: ['users.read', 'users.manage'] },
  { label: 'Teams', to: '/teams', icon: <IconUsersGroup size={18} />, anyOf: ['teams.read', 'teams.manage'] },
  { label: 'Roles', to: '/roles', icon: <IconShieldCheck size={18} />, anyOf: ['roles.assign', 'users.read'] },
  { label: 'Credentials', to: '/credentials', icon: <IconLock size={18} />, anyOf: ['credentials.read'] },
  { label: 'API tokens', to: '/tokens', icon: <IconKey size={18} />, anyOf: ['tokens.manage_own', 'tokens.manage_all'] },
  { label: 'Audit log', to: '/audit', icon: <IconListDetails size={18} />, anyOf: ['audit.read'] },
];

/** Module keys whose pages are the administration pages above (not listed twice). */
export const ADMIN_MODULE_KEYS = new Set(['people', 'access', 'audit-log']);
