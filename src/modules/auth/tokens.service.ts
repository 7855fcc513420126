import { hashSecret } from '../../platform/auth/secret-hash.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId, randomToken } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize, grantableScopes } from '../../platform/permissions/authorize.ts';
import type { TokenScope } from '../../platform/permissions/catalog.ts';
import type { AuthDeps } from './auth.deps.ts';
import type { ApiTokenView } from './auth.schemas.ts';
import { type ApiTokenRow, createCredentialsRepository } from './sessions.repository.ts';

/** Token format: `sym_<prefix>_<secret>`; the prefix identifies it in lists and logs. */
export const TOKEN_PATTERN = /^sym_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

function toView(row: ApiTokenRow, userName: string): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: `sym_${row.prefix}`,
    scopes: JSON.parse(row.scopes) as string[],
    userId: row.user_id,
    userName,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function createTokensService(deps: AuthDeps) {
  const repo = createCredentialsRepository(deps.db);

  return {
    async list(actor: Actor, all: boolean): Promise<ApiTokenView[]> {
      if (all) authorize(actor, 'tokens.manage_all');
      else authorize(actor, 'tokens.manage_own');
      const rows = await repo.listTokens(all ? null : actor.userId);
      return rows.map((r) => toView(r, r.user_name));
    },

    /** Creates a token for the actor; its scopes may not exceed what the actor could use. */
    async create(actor: Actor, input: { name: string; scopes: string[]; expiresInDays?: number | undefined }) {
      authorize(actor, 'tokens.manage_own');
      if (!actor.userId) throw new AppError('FORBIDDEN', { status: 403, userMessage: 'Tokens belong to a person.' });
      const allowed = grantableScopes(actor).filter((s) => actor.tokenScopes === null || actor.tokenScopes.includes(s));
      const scopes = [...new Set(input.scopes)] as TokenScope[];
      const refused = scopes.filter((s) => !allowed.includes(s));
      if (refused.length > 0) {
        throw new AppError('FORBIDDEN', {
          status: 403,
          userMessage: `You cannot create a token with the ${refused.join(', ')} scope; your roles allow ${allowed.join(', ')}.`,
          details: { refused, allowed },
        });
      }
      const now = deps.clock.now();
      const prefix = randomToken(12)
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 8)
        .padEnd(8, 'x');
      const secret = randomToken(32);
      const token = `sym_${prefix}_${secret}`;
      const row: ApiTokenRow = {
        id: newId(),
        user_id: actor.userId,
        name: input.name,
        token_hash: hashSecret(token),
        prefix,
        scopes: JSON.stringify(scopes),
        created_at: now.toISOString(),
        expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString() : null,
        last_used_at: null,
        revoked_at: null,
      };
      const userName = actor.label.replace(/ \(token .*\)$/, '');
      const apiToken = toView(row, userName);
      await deps.db.transaction().execute(async (trx) => {
        await repo.insertToken(row, trx);
        await deps.audit.record(trx, actor, { action: 'api_token.create', objectType: 'api_token', objectId: row.id, after: apiToken });
      });
      return { token, apiToken };
    },

    async revoke(actor: Actor, id: string): Promise<void> {
      await deps.db.transaction().execute(async (trx) => {
        const row = await repo.findToken(id, trx);
        if (!row) throw notFound('API token', id);
        if (row.user_id === actor.userId) authorize(actor, 'tokens.manage_own');
        else authorize(actor, 'tokens.manage_all');
        if (row.revoked_at) return;
        const at = deps.clock.now().toISOString();
        await repo.revokeToken(id, at, trx);
        deps.authCache.clear();
        const user = await trx.selectFrom('users').select('name').where('id', '=', row.user_id).executeTakeFirst();
        await deps.audit.record(trx, actor, {
          action: 'api_token.revoke',
          objectType: 'api_token',
          objectId: id,
          before: toView(row, user?.name ?? ''),
          after: toView({ ...row, revoked_at: at }, user?.name ?? ''),
        });
      });
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
