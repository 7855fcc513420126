/** What a credential may do at most: API tokens carry a subset; sessions carry all three. */
export type TokenScope = 'read' | 'write' | 'admin';
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'write', 'admin'];

/**
 * Every permission in Symbiont, with the token scope it needs. Modules add theirs here, so
 * the role matrix stays in one reviewable place (docs/roles.md renders it).
 */
export const PERMISSIONS = {
  'users.read': { scope: 'read', description: 'See the people directory' },
  'users.manage': { scope: 'admin', description: 'Create, edit, deactivate users and reset passwords' },
  'teams.read': { scope: 'read', description: 'See teams and their members' },
  'teams.manage': { scope: 'write', description: 'Create, edit and delete teams; manage members' },
  'roles.assign': { scope: 'admin', description: 'Assign and revoke roles' },
  'audit.read': { scope: 'read', description: 'Read and export the audit log' },
  'tokens.manage_own': { scope: 'write', description: 'Create and revoke your own API tokens' },
  'tokens.manage_all': { scope: 'admin', description: "See and revoke everyone's API tokens" },
  'workflows.read': { scope: 'read', description: 'See workflows, their versions and runs' },
  'workflows.build': { scope: 'write', description: 'Create and edit workflow drafts, test steps, start runs; see public form links' },
  'workflows.publish': {
    scope: 'write',
    description: 'Publish a workflow version (it goes live), archive workflows; rotate, disable and enable form links',
  },
  'runs.operate': { scope: 'write', description: 'Retry, re-run and cancel runs' },
  'credentials.read': {
    scope: 'read',
    description: 'See connector credentials: names, types and which fields are set (never secret values)',
  },
  'credentials.manage': { scope: 'write', description: 'Create, edit, test and delete connector credentials' },
  'tasks.read': {
    scope: 'read',
    description: 'See your task inbox: tasks assigned to you, your teams and roles, and those of people you stand in for',
  },
  'tasks.work': {
    scope: 'write',
    description: 'Claim, approve, reject and complete the tasks assigned to you; set your out-of-office delegation',
  },
  'tasks.manage': {
    scope: 'write',
    description: "See every task, reassign tasks, and manage other people's out-of-office delegations",
  },
  'event_logs.read': { scope: 'read', description: 'See imported event logs and mine them (process audit)' },
  'event_logs.manage': { scope: 'write', description: 'Import and delete event logs (process audit)' },
  'ideas.read': { scope: 'read', description: 'See ideas, their scores, comments and pipeline' },
  'ideas.submit': {
    scope: 'write',
    description: 'Submit ideas; vote, follow, comment and say "this is my process too"',
  },
  'ideas.decide': {
    scope: 'write',
    description: 'Move ideas through the review phases and the qualification gate (per-category rules apply)',
  },
  'ideas.build': {
    scope: 'write',
    description: 'Claim approved ideas, link workflows to them and move them through delivery (per-category rules apply)',
  },
  'ideas.manage': {
    scope: 'write',
    description: 'Manage idea categories and their per-category transition rules; import ideas',
  },
} as const satisfies Record<string, { scope: TokenScope; description: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export type RoleKey = 'admin' | 'programme_manager' | 'approver' | 'builder' | 'member' | 'viewer';
export type ScopeType = 'global' | 'team' | 'category';

export interface RoleDefinition {
  title: string;
  description: string;
  permissions: readonly Permission[];
  /** Scope types this role may be assigned with. */
  scopes: readonly ScopeType[];
}

const EVERYONE: readonly Permission[] = [
  'users.read',
  'teams.read',
  'tokens.manage_own',
  'workflows.read',
  'tasks.read',
  'tasks.work',
  'ideas.read',
  'ideas.submit',
];
const BUILDING: readonly Permission[] = ['workflows.build', 'workflows.publish', 'runs.operate'];
const CREDENTIALS: readonly Permission[] = ['credentials.read', 'credentials.manage'];
// Event logs name the people who did the work (resources): not for everyone.
const PROCESS_AUDIT: readonly Permission[] = ['event_logs.read', 'event_logs.manage'];

export const ROLES: Record<RoleKey, RoleDefinition> = {
  admin: {
    title: 'Administrator',
    description: 'Runs the Symbiont installation: people, roles, tokens, settings. Can do everything.',
    permissions: ALL_PERMISSIONS,
    scopes: ['global'],
  },
  programme_manager: {
    title: 'Programme manager',
    description: 'Leads the automation programme: teams, pipeline, priorities and reporting; reads the audit log.',
    permissions: [
      ...EVERYONE,
      'teams.manage',
      'audit.read',
      ...BUILDING,
      ...CREDENTIALS,
      'tasks.manage',
      ...PROCESS_AUDIT,
      'ideas.decide',
      'ideas.build',
    ],
    scopes: ['global', 'team', 'category'],
  },
  approver: {
    title: 'Approver',
    description: 'Decides at governance gates and approves tasks assigned to them.',
    permissions: [...EVERYONE, 'ideas.decide'],
    scopes: ['global', 'team', 'category'],
  },
  builder: {
    title: 'Builder (citizen developer)',
    description: 'Builds and maintains automations on the workflow engine.',
    permissions: [...EVERYONE, ...BUILDING, ...CREDENTIALS, ...PROCESS_AUDIT, 'ideas.build'],
    scopes: ['global', 'team', 'category'],
  },
  member: {
    title: 'Member',
    description: 'Every employee: proposes and votes on ideas, works tasks, learns.',
    permissions: EVERYONE,
    scopes: ['global', 'team'],
  },
  viewer: {
    title: 'Viewer',
    description: 'Read-only access to people, teams and programme reports.',
    permissions: ['users.read', 'teams.read', 'tokens.manage_own', 'workflows.read', 'tasks.read', 'ideas.read'],
    scopes: ['global', 'team'],
  },
};

export const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];
