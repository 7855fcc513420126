import { z } from 'zod';
import { ROLE_KEYS, TOKEN_SCOPES } from '../../platform/permissions/catalog.ts';

export const idParam = z.object({ id: z.string().min(1).max(64).describe('Object id') });

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((v) => v.toLowerCase())
  .describe('E-mail address (case-insensitive, stored lower-case)');
export const password = z.string().min(10, 'Use at least 10 characters').max(512).describe('Password (10+ characters)');
const name = z.string().trim().min(1, 'Required').max(120).describe('Display name');

export const roleKey = z.enum(ROLE_KEYS as [string, ...string[]]).describe('Role key');
export const scopeType = z.enum(['global', 'team', 'category']).describe('What the role applies to');

export const teamRef = z.object({ id: z.string(), name: z.string() });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
  teams: z.array(teamRef),
});
export type UserView = z.infer<typeof userSchema>;

export const roleAssignmentSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  role: z.string(),
  scopeType: z.string(),
  scopeId: z.string().nullable(),
  scopeName: z.string().nullable(),
  createdAt: z.string(),
});
export type RoleAssignmentView = z.infer<typeof roleAssignmentSchema>;

export const userDetailSchema = userSchema.extend({ roles: z.array(roleAssignmentSchema) });

export const roleInput = z.object({
  role: roleKey,
  scopeType: scopeType.default('global'),
  scopeId: z.string().min(1).max(64).nullish().describe('Team id or category id; omit for global'),
});

export const createUserBody = z.object({
  email,
  name,
  password: password.optional().describe('Initial password; without one the user cannot sign in until reset'),
  teamIds: z.array(z.string().min(1).max(64)).max(50).default([]).describe('Teams to add the user to'),
  roles: z.array(roleInput).max(20).default([]).describe('Roles besides member, which every user has'),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({ name: name.optional(), email: email.optional(), isActive: z.boolean().optional().describe('Inactive users cannot sign in') })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');

export const listUsersQuery = z.object({
  q: z.string().trim().max(120).optional().describe('Matches name or e-mail'),
  teamId: z.string().max(64).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const setPasswordBody = z.object({ password });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(512), newPassword: password });

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  memberCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TeamView = z.infer<typeof teamSchema>;
export const teamMemberSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), isManager: z.boolean() });
export const teamDetailSchema = teamSchema.extend({ members: z.array(teamMemberSchema) });

export const createTeamBody = z.object({
  name: z.string().trim().min(1, 'Required').max(80).describe('Team (department) name, unique'),
  description: z.string().trim().max(2000).default('').describe('What the team does'),
});
export const updateTeamBody = z
  .object({ name: createTeamBody.shape.name.optional(), description: z.string().trim().max(2000).optional() })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field');
export const listTeamsQuery = z.object({
  q: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export const memberParams = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });
export const memberBody = z.object({ isManager: z.boolean().default(false).describe('Team manager (escalations go here)') });

export const assignRoleBody = roleInput.extend({ userId: z.string().min(1).max(64) });
export const listAssignmentsQuery = z.object({ userId: z.string().max(64).optional() });

export const tokenScope = z.enum(TOKEN_SCOPES as [string, ...string[]]);
export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  userId: z.string(),
  userName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenSchema>;
export const createTokenBody = z.object({
  name: z.string().trim().min(1, 'Required').max(80).describe('What the token is for'),
  scopes: z.array(tokenScope).min(1).max(3).describe('read, write, admin'),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Days until it stops working; never when omitted'),
});
export const listTokensQuery = z.object({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe("Everyone's tokens (admins)"),
});

export const loginBody = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(512) });
export const setupBody = z.object({ email, name, password });
export const sessionSchema = z.object({
  user: userSchema,
  roles: z.array(roleAssignmentSchema),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
  modules: z.array(z.object({ key: z.string(), title: z.string(), path: z.string() })),
});
