/** Shapes of the API's responses (docs/api.md; the server's zod schemas are the source). */
export interface TeamRef {
  id: string;
  name: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
  teams: TeamRef[];
}

export interface RoleAssignment {
  id: string;
  userId: string;
  userName: string;
  role: string;
  scopeType: 'global' | 'team' | 'category';
  scopeId: string | null;
  scopeName: string | null;
  createdAt: string;
}

export interface UserDetail extends User {
  roles: RoleAssignment[];
}

export interface Team {
  id: string;
  name: string;
  description: string;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  isManager: boolean;
}

export interface TeamDetail extends Team {
  members: TeamMember[];
}

export interface Role {
  key: string;
  title: string;
  description: string;
  permissions: string[];
  scopes: string[];
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  userId: string;
  userName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SessionInfo {
  user: User;
  roles: RoleAssignment[];
  permissions: string[];
  csrfToken: string | null;
  modules: { key: string; title: string; path: string }[];
}
