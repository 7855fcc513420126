import { isUniqueViolation } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { parseMentions } from './community.domain.ts';
import { createCommunityRepository } from './community.repository.ts';
import { fieldErrors, loadIdea } from './idea-access.ts';
import type { IdeasDeps } from './ideas.deps.ts';
import type { MeTooInput } from './ideas.schemas.ts';

const alreadySupported = (own: boolean) =>
  new AppError('IDEA_ALREADY_SUPPORTED', {
    status: 409,
    userMessage: own ? 'This is your own idea.' : 'You already said this is your process too.',
  });

function person(actor: Actor): string {
  if (!actor.userId)
    throw new AppError('FORBIDDEN', { status: 403, userMessage: 'Votes, follows and comments are by people: sign in as a user.' });
  return actor.userId;
}

/** Votes ("my team has this too"), follows, comments with @mentions, and "this is my process too". */
export function createIdeaCommunityService(deps: IdeasDeps) {
  const { repo } = deps;
  const community = createCommunityRepository(deps.db);

  /** Adds or removes the caller's vote or follow; idempotent (a second vote changes nothing). */
  async function toggle(actor: Actor, id: string, what: 'vote' | 'follow', on: boolean) {
    authorize(actor, 'ideas.submit');
    const userId = person(actor);
    await loadIdea(repo, id);
    const counter = what === 'vote' ? 'votes_count' : 'followers_count';
    await deps.db.transaction().execute(async (trx) => {
      const has = what === 'vote' ? await community.hasVoted(id, userId, trx) : await community.isFollowing(id, userId, trx);
      if (has === on) return;
      const now = deps.clock.now().toISOString();
      if (on) await (what === 'vote' ? community.addVote : community.addFollower)(id, userId, now, trx);
      else await (what === 'vote' ? community.removeVote : community.removeFollower)(id, userId, trx);
      await repo.bump(id, counter, on ? 1 : -1, now, trx);
      await deps.audit.record(trx, actor, { action: `idea.${on ? '' : 'un'}${what}`, objectType: 'idea', objectId: id });
    });
    const idea = await loadIdea(repo, id);
    return {
      votes: idea.votes_count,
      followers: idea.followers_count,
      voted: await community.hasVoted(id, userId),
      following: await community.isFollowing(id, userId),
    };
  }

  return {
    vote: (actor: Actor, id: string, on: boolean) => toggle(actor, id, 'vote', on),
    follow: (actor: Actor, id: string, on: boolean) => toggle(actor, id, 'follow', on),

    async comments(actor: Actor, id: string) {
      authorize(actor, 'ideas.read');
      await loadIdea(repo, id);
      return (await community.comments(id)).map((c) => ({
        id: c.id,
        author: c.author_label,
        authorId: c.author_id,
        body: c.body,
        mentions: JSON.parse(c.mentions_json) as { id: string; name: string }[],
        createdAt: c.created_at,
      }));
    },

    /**
     * Comments on an idea. `@name` / `@e-mail` mentions resolve to active users and notify them;
     * followers hear of the comment; the author starts following.
     */
    async comment(actor: Actor, id: string, body: string) {
      authorize(actor, 'ideas.submit');
      const userId = person(actor);
      const idea = await loadIdea(repo, id);
      const mentioned = await community.usersForHandles(parseMentions(body));
      const now = deps.clock.now().toISOString();
      const commentId = newId();
      const mentions = mentioned.map((u) => ({ id: u.id, name: u.name }));
      await deps.db.transaction().execute(async (trx) => {
        await community.addComment(
          {
            id: commentId,
            idea_id: id,
            author_id: userId,
            author_label: actor.label,
            body,
            mentions_json: JSON.stringify(mentions),
            created_at: now,
          },
          trx,
        );
        await repo.bump(id, 'comments_count', 1, now, trx);
        if (!(await community.isFollowing(id, userId, trx))) {
          await community.addFollower(id, userId, now, trx);
          await repo.bump(id, 'followers_count', 1, now, trx);
        }
        await deps.audit.record(trx, actor, {
          action: 'idea.comment',
          objectType: 'idea',
          objectId: id,
          after: { commentId, mentions: mentions.map((m) => m.id) },
        });
        const link = `/ideas/${id}#comment-${commentId}`;
        const excerpt = body.length > 200 ? `${body.slice(0, 199)}…` : body;
        const mentionedIds = new Set(mentions.map((m) => m.id));
        await deps.notifications.notify(trx, actor, mentionedIds, {
          kind: 'idea.mention',
          title: `${actor.label} mentioned you on "${idea.name}"`,
          body: excerpt,
          link,
          objectType: 'idea',
          objectId: id,
        });
        const followers = (await community.followers(id, trx)).filter((f) => !mentionedIds.has(f));
        await deps.notifications.notify(trx, actor, followers, {
          kind: 'idea.comment',
          title: `${actor.label} commented on "${idea.name}"`,
          body: excerpt,
          link,
          objectType: 'idea',
          objectId: id,
        });
      });
      return { id: commentId, author: actor.label, authorId: userId, body, mentions, createdAt: now };
    },

    /**
     * "This is my process too": adds the caller (and optionally their volume) to an existing idea
     * instead of a duplicate. Counts as a vote and a follow; the submitter is notified.
     */
    async meToo(actor: Actor, id: string, input: MeTooInput) {
      authorize(actor, 'ideas.submit');
      const userId = person(actor);
      const idea = await loadIdea(repo, id);
      if (idea.submitter_id === userId) throw alreadySupported(true);
      if (await community.isSupporter(id, userId)) throw alreadySupported(false);
      const volume = [input.frequencyPeriod, input.frequencyCount].filter((x) => x !== undefined).length;
      if (volume === 1) {
        throw fieldErrors([
          { path: input.frequencyPeriod === undefined ? 'frequencyPeriod' : 'frequencyCount', message: 'Give both how often and how many' },
        ]);
      }
      if (input.teamId && !(await repo.team(input.teamId))) throw fieldErrors([{ path: 'teamId', message: 'Unknown team' }]);
      const now = deps.clock.now().toISOString();
      try {
        await deps.db.transaction().execute(async (trx) => {
          await community.addSupporter(
            {
              idea_id: id,
              user_id: userId,
              team_id: input.teamId ?? null,
              frequency_period: input.frequencyPeriod ?? null,
              frequency_count: input.frequencyCount ?? null,
              minutes_per_case: input.minutesPerCase ?? null,
              note: input.note,
              created_at: now,
            },
            trx,
          );
          await repo.bump(id, 'supporters_count', 1, now, trx);
          if (!(await community.hasVoted(id, userId, trx))) {
            await community.addVote(id, userId, now, trx);
            await repo.bump(id, 'votes_count', 1, now, trx);
          }
          if (!(await community.isFollowing(id, userId, trx))) {
            await community.addFollower(id, userId, now, trx);
            await repo.bump(id, 'followers_count', 1, now, trx);
          }
          await deps.audit.record(trx, actor, { action: 'idea.me_too', objectType: 'idea', objectId: id, after: input });
          await deps.notifications.notify(trx, actor, idea.submitter_id ? [idea.submitter_id] : [], {
            kind: 'idea.me_too',
            title: `${actor.label} has the same process: "${idea.name}"`,
            body: input.note,
            link: `/ideas/${id}`,
            objectType: 'idea',
            objectId: id,
          });
        });
      } catch (error) {
        // A concurrent second "me too" of the same person hits the primary key.
        if (isUniqueViolation(error) || (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
          throw alreadySupported(false);
        throw error;
      }
    },
  };
}

export type IdeaCommunityService = ReturnType<typeof createIdeaCommunityService>;
