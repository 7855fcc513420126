import type { Db } from '../../platform/db/database.ts';
import type { IdeaCommentsTable, IdeaSupportersTable } from '../../platform/db/schema.ts';

/** Votes, followers, supporters ("this is my process too") and comments of ideas. */
export function createCommunityRepository(db: Db) {
  const has =
    (table: 'idea_votes' | 'idea_followers' | 'idea_supporters') =>
    async (ideaId: string, userId: string, trx: Db = db) =>
      (await trx.selectFrom(table).select('idea_id').where('idea_id', '=', ideaId).where('user_id', '=', userId).executeTakeFirst()) !==
      undefined;
  const add =
    (table: 'idea_votes' | 'idea_followers') =>
    (ideaId: string, userId: string, now: string, trx: Db = db) =>
      trx.insertInto(table).values({ idea_id: ideaId, user_id: userId, created_at: now }).execute();
  const remove =
    (table: 'idea_votes' | 'idea_followers') =>
    async (ideaId: string, userId: string, trx: Db = db) =>
      Number((await trx.deleteFrom(table).where('idea_id', '=', ideaId).where('user_id', '=', userId).executeTakeFirst()).numDeletedRows) >
      0;
  return {
    hasVoted: has('idea_votes'),
    isFollowing: has('idea_followers'),
    isSupporter: has('idea_supporters'),
    addVote: add('idea_votes'),
    removeVote: remove('idea_votes'),
    addFollower: add('idea_followers'),
    removeFollower: remove('idea_followers'),
    followers: async (ideaId: string, trx: Db = db) =>
      (await trx.selectFrom('idea_followers').select('user_id').where('idea_id', '=', ideaId).execute()).map((r) => r.user_id),
    addSupporter: (row: IdeaSupportersTable, trx: Db = db) => trx.insertInto('idea_supporters').values(row).execute(),
    supporters: (ideaId: string, trx: Db = db) => trx.selectFrom('idea_supporters').selectAll().where('idea_id', '=', ideaId).execute(),
    addComment: (row: IdeaCommentsTable, trx: Db = db) => trx.insertInto('idea_comments').values(row).execute(),
    comments: (ideaId: string, trx: Db = db) =>
      trx.selectFrom('idea_comments').selectAll().where('idea_id', '=', ideaId).orderBy('created_at').orderBy('id').execute(),
    /** Active users whose e-mail or name (lower-cased, spaces as dots or nothing) is one of `handles`. */
    async usersForHandles(handles: string[], trx: Db = db) {
      if (handles.length === 0) return [];
      const emails = handles.filter((h) => h.includes('@'));
      const names = handles.filter((h) => !h.includes('@'));
      return trx
        .selectFrom('users')
        .select(['id', 'name', 'email'])
        .where('is_active', '=', 1)
        .where((eb) =>
          eb.or([
            ...(emails.length > 0 ? [eb('email', 'in', emails)] : []),
            ...(names.length > 0 ? [eb(eb.fn('lower', [eb.fn('replace', ['name', eb.val(' '), eb.val('.')])]), 'in', names)] : []),
            ...(names.length > 0 ? [eb(eb.fn('lower', [eb.fn('replace', ['name', eb.val(' '), eb.val('')])]), 'in', names)] : []),
          ]),
        )
        .execute();
    },
  };
}
