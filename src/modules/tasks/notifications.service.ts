import { sendChatAction } from '../../connectors/chat/send.action.ts';
import { sendEmailAction } from '../../connectors/email/send.action.ts';
import { runAction } from '../../connectors/run-action.ts';
import type { ConnectorLog } from '../../connectors/sdk.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Dialect } from '../../platform/db/database.ts';
import { isAppError } from '../../platform/errors.ts';
import type { GuardedHttpClient } from '../../platform/http-client/guarded-client.ts';
import { newId } from '../../platform/ids.ts';
import { createNotificationsRepository, type NotificationRow } from './notifications.repository.ts';

/** A message to one person (e-mail) or one channel (chat), written to the outbox in the transaction that causes it. */
export interface OutgoingNotification {
  /** email (default) or chat (an incoming webhook: `credentialId` is a chat_webhook credential). */
  channel?: 'email' | 'chat';
  kind: string;
  /** An e-mail address, or the channel's label for chat. */
  recipient: string;
  userId: string | null;
  subject: string;
  body: string;
  /** HTML alternative of an e-mail's body. */
  html?: string | null;
  taskId?: string | null;
  runId?: string | null;
  credentialId: string;
  /** Same key, same message: a step executed again after a crash writes nothing new. */
  dedupeKey: string;
}

export interface NotificationsDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  http: GuardedHttpClient;
  filesRoot: string;
  log: ConnectorLog;
  resolveCredential(id: string, type?: string): Promise<Record<string, unknown>>;
}

const MAX_ATTEMPTS = 5;
/** 30 s, 1 min, 2 min, 4 min… at most an hour. */
export const retryDelayMs = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));

/**
 * The notification outbox: messages are rows first (nothing is lost when the process stops
 * between deciding to notify and sending), then delivered by `dispatchDue` through the e-mail
 * connector with the named SMTP credential, or the chat connector with the named incoming
 * webhook; failures are retried with back-off, five times.
 */
export function createNotificationsService(deps: NotificationsDeps) {
  const repo = createNotificationsRepository(deps.db, deps.dialect);

  async function deliver(row: NotificationRow): Promise<void> {
    const now = deps.clock.now();
    try {
      if (!row.credential_id) throw new Error(row.channel === 'chat' ? 'No chat credential' : 'No SMTP credential');
      const context = {
        signal: AbortSignal.timeout(30_000),
        log: deps.log,
        http: deps.http,
        idempotencyKey: `notification:${row.id}`,
        now: () => deps.clock.now(),
        filesRoot: deps.filesRoot,
      };
      if (row.channel === 'chat') {
        const credential = await deps.resolveCredential(row.credential_id, 'chat_webhook');
        await runAction(sendChatAction, { title: row.subject.slice(0, 150), text: row.body.slice(0, 30_000) }, { ...context, credential });
      } else {
        const credential = await deps.resolveCredential(row.credential_id, 'smtp');
        await runAction(
          sendEmailAction,
          { to: row.recipient, subject: row.subject, text: row.body, ...(row.html ? { html: row.html } : {}) },
          { ...context, credential },
        );
      }
      await repo.update(row.id, {
        status: 'sent',
        sent_at: now.toISOString(),
        next_attempt_at: null,
        attempts: row.attempts + 1,
        last_error: null,
      });
    } catch (error) {
      const attempts = row.attempts + 1;
      const retryable = isAppError(error) ? error.retryable : true;
      const message = isAppError(error) ? `${error.code}: ${error.userMessage}` : String(error);
      const again = retryable && attempts < MAX_ATTEMPTS;
      await repo.update(row.id, {
        status: again ? 'pending' : 'failed',
        attempts,
        last_error: message.slice(0, 2000),
        next_attempt_at: again ? new Date(now.getTime() + retryDelayMs(attempts)).toISOString() : null,
      });
      deps.log.warn('notification not delivered', { id: row.id, attempts, retrying: again, error: message });
    }
  }

  return {
    /** Writes notifications inside the caller's transaction. */
    async enqueueIn(trx: Db, items: readonly OutgoingNotification[]): Promise<string[]> {
      const at = deps.clock.now().toISOString();
      const rows: NotificationRow[] = items.map((n) => ({
        id: newId(),
        channel: n.channel ?? 'email',
        kind: n.kind,
        recipient: n.recipient,
        user_id: n.userId,
        subject: n.subject.slice(0, 998),
        body: n.body,
        html: n.html ?? null,
        task_id: n.taskId ?? null,
        run_id: n.runId ?? null,
        credential_id: n.credentialId,
        dedupe_key: n.dedupeKey,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        created_at: at,
        sent_at: null,
      }));
      await repo.enqueue(rows, trx);
      return rows.map((r) => r.id);
    },

    /** Sends what is due now (at most `limit`); returns how many were attempted. */
    async dispatchDue(limit = 20): Promise<number> {
      const now = deps.clock.now();
      // Taken rows are due again in 5 minutes should this process stop mid-send.
      const rows = await repo.take(now.toISOString(), new Date(now.getTime() + 300_000).toISOString(), limit);
      for (const row of rows) await deliver(row);
      return rows.length;
    },

    ofRun: (runId: string) => repo.ofRun(runId),
    ofTask: (taskId: string) => repo.ofTask(taskId),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
