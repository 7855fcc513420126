import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ApiTokensTable, SessionsTable } from '../../platform/db/schema.ts';

export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

/** Sessions and API tokens: the credentials that resolve to an actor. */
export function createCredentialsRepository(db: Db) {
  return {
    async insertSession(row: SessionRow, trx: Db = db): Promise<void> {
      await trx.insertInto('sessions').values(row).execute();
    },
    /** The session with its user's name and active flag: one round trip per request. */
    async findSession(id: string): Promise<(SessionRow & { user_name: string; user_active: number }) | undefined> {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('sessions')
        .select(['users.name as user_name', 'users.is_active as user_active'])
        .where('sessions.id', '=', id)
        .executeTakeFirst();
    },
    async touchSession(id: string, lastSeenAt: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
    },
    async deleteSession(id: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteSessionsOf(userId: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
    async deleteExpiredSessions(now: string, idleBefore: string): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', idleBefore)]))
        .execute();
    },
    async insertToken(row: ApiTokenRow, trx: Db = db): Promise<void> {
      await trx.insertInto('api_tokens').values(row).execute();
    },
    /** The token with its owner's name and active flag: one round trip per request. */
    async findTokenByHash(hash: string): Promise<(ApiTokenRow & { user_name: string; user_active: number }) | undefined> {
      return db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('api_tokens')
        .select(['users.name as user_name', 'users.is_active as user_active'])
        .where('api_tokens.token_hash', '=', hash)
        .executeTakeFirst();
    },
    async findToken(id: string, trx: Db = db): Promise<ApiTokenRow | undefined> {
      return trx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async touchToken(id: string, lastUsedAt: string): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: lastUsedAt }).where('id', '=', id).execute();
    },
    async revokeToken(id: string, revokedAt: string, trx: Db = db): Promise<void> {
      await trx.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    },
    async listTokens(userId: string | null) {
      let query = db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('api_tokens')
        .select('users.name as user_name');
      if (userId) query = query.where('api_tokens.user_id', '=', userId);
      return query.orderBy('api_tokens.id', 'desc').limit(1000).execute();
    },
  };
}

export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
