import { hashSecret } from '../../platform/auth/secret-hash.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { createRateLimiter } from '../../platform/rate-limiter.ts';
import type { TaskLifecycle } from './task-lifecycle.ts';
import { type LinkProblem, linkProblem, TASK_LINK_TOKEN } from './task-links.domain.ts';
import { createTaskLinksRepository, type TaskLinkRow } from './task-links.repository.ts';
import type { LinkConfirmed, LinkPreview } from './task-links.schemas.ts';
import type { TasksDeps } from './tasks.deps.ts';
import { isOpen, type TaskKind } from './tasks.domain.ts';
import type { TaskRow } from './tasks.repository.ts';
import type { TasksService } from './tasks.service.ts';

export interface LinkRequestMeta {
  ip: string | null;
  requestId: string | null;
}

const MESSAGES: Record<LinkProblem, [number, string]> = {
  TASK_LINK_INVALID: [404, 'This link is not valid. Open the task from your inbox instead.'],
  TASK_LINK_USED: [409, 'This link was used already; each link works once.'],
  TASK_LINK_EXPIRED: [410, 'This link has expired. Open the task from your inbox instead.'],
};

const linkError = (code: LinkProblem) => {
  const [status, userMessage] = MESSAGES[code];
  return new AppError(code, { status, userMessage });
};

/** The same refusal the inbox gives for a task that is no longer open. */
function closedError(task: TaskRow): AppError {
  const details = { taskId: task.id, status: task.status, outcome: task.outcome };
  if (task.status === 'expired')
    return new AppError('TASK_EXPIRED', { status: 409, userMessage: 'This task timed out; it can no longer be decided.', details });
  if (task.status === 'cancelled')
    return new AppError('TASK_CANCELLED', {
      status: 409,
      userMessage: 'This task was cancelled: its run no longer waits for it.',
      details,
    });
  return new AppError('TASK_CLOSED', {
    status: 409,
    userMessage: `This task was already decided (${task.outcome ?? task.status}).`,
    details,
  });
}

/**
 * One-click links of task e-mails, used without signing in: the token is the capability. A
 * GET only reads (mail scanners prefetch links); the confirming POST decides the task as the
 * link's recipient through the inbox's own decision path (assignee, self-approval, claim and
 * closed checks), marks the link used in the same transaction and audits that it came through
 * an e-mail link. Both are rate-limited per client address.
 */
export function createTaskLinksService(
  deps: TasksDeps & { linkRequestsPerMinute?: number | undefined },
  lifecycle: TaskLifecycle,
  tasks: TasksService,
) {
  const links = createTaskLinksRepository(deps.db);
  const limiter = createRateLimiter({ max: deps.linkRequestsPerMinute ?? 30, windowMs: 60_000, clock: deps.clock });
  const iso = () => deps.clock.now().toISOString();

  function limit(meta: LinkRequestMeta): void {
    const wait = limiter.hit(meta.ip ?? 'unknown');
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', {
        status: 429,
        userMessage: `Too many link requests. Try again in ${wait} seconds.`,
        details: { retryAfterSeconds: wait },
      });
    }
  }

  /** The stored link and its task, or the reason it does not work; nothing is written. */
  async function lookup(token: string, expect: { taskId?: string | undefined; action?: string | undefined } = {}) {
    if (!TASK_LINK_TOKEN.test(token)) throw linkError('TASK_LINK_INVALID');
    const link = await links.findByHash(hashSecret(token));
    if (!link) throw linkError('TASK_LINK_INVALID');
    const problem = linkProblem(link, iso(), expect);
    if (problem) throw linkError(problem);
    const task = await lifecycle.repo.find(link.task_id);
    if (!task) throw linkError('TASK_LINK_INVALID');
    if (!isOpen(task.status)) throw closedError(task);
    return { link, task };
  }

  async function recipientActor(link: TaskLinkRow, meta: LinkRequestMeta): Promise<Actor> {
    try {
      const actor = await deps.directory.actorForUser(link.user_id, (name) => `${name} (e-mail link)`);
      return { ...actor, ip: meta.ip, requestId: meta.requestId };
    } catch (error) {
      // The recipient's account was disabled or erased since the mail went out.
      if (isAppError(error) && error.code === 'NOT_FOUND') throw linkError('TASK_LINK_INVALID');
      throw error;
    }
  }

  return {
    /** What the link does and the task it is for. Reads only. */
    async preview(token: string, meta: LinkRequestMeta): Promise<LinkPreview> {
      limit(meta);
      const { link, task } = await lookup(token);
      const [people, workflowName] = await Promise.all([
        deps.directory.people([link.user_id]),
        lifecycle.repo.workflowName(task.workflow_id),
      ]);
      const context = task.context_json ? (JSON.parse(task.context_json) as Record<string, unknown> | null) : null;
      return {
        action: link.action as LinkPreview['action'],
        expiresAt: link.expires_at,
        recipient: { name: people.get(link.user_id)?.name ?? 'unknown' },
        task: {
          id: task.id,
          kind: task.kind as TaskKind,
          title: task.title,
          description: task.description,
          status: task.status,
          dueAt: task.due_at,
          workflowName,
          shown: context && typeof context === 'object' && 'data' in context ? context.data : context,
        },
        inboxPath: `/tasks/${task.id}`,
      };
    },

    /** Decides the task as the link's recipient; the link (and their other links to the task) is used up. */
    async confirm(
      token: string,
      body: { comment: string; taskId?: string | undefined; action?: string | undefined },
      meta: LinkRequestMeta,
    ): Promise<LinkConfirmed> {
      limit(meta);
      const { link, task } = await lookup(token, { taskId: body.taskId, action: body.action });
      if (link.action !== 'approve' && link.action !== 'reject') {
        throw new AppError('TASK_ACTION_INVALID', {
          status: 400,
          userMessage: 'This link only shows the task; decide it in your inbox.',
          details: { taskId: task.id },
        });
      }
      const actor = await recipientActor(link, meta);
      const via = {
        channel: 'email-link',
        async within(trx: Parameters<typeof links.use>[2]) {
          if (!(await links.use(link, iso(), trx))) throw linkError('TASK_LINK_USED');
          await deps.audit.record(trx, actor, {
            action: 'task_link.use',
            objectType: 'task',
            objectId: task.id,
            after: { linkId: link.id, action: link.action, recipient: link.user_id, via: 'email-link' },
          });
        },
      };
      const decided =
        link.action === 'approve'
          ? await tasks.approve(actor, task.id, body.comment, via)
          : await tasks.reject(actor, task.id, body.comment, via);
      return {
        action: link.action,
        task: { id: decided.id, title: decided.title, status: decided.status, outcome: decided.outcome },
        decidedAs: actor.label,
      };
    },
  };
}

export type TaskLinksService = ReturnType<typeof createTaskLinksService>;
