import { z } from 'zod';
import { parseDuration } from '../../engine/steps/flow.ts';
import { defineStepType, type StepContext, type StepResult, type StepType } from '../../engine/steps/step-type.ts';
import { signalOf } from '../../engine/store/signal-store.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { DirectoryService } from '../auth/directory.service.ts';
import type { NotificationsService } from './notifications.service.ts';
import { formFields } from './task-form.domain.ts';
import type { OpenTaskInput, TaskLifecycle } from './task-lifecycle.ts';
import { isOpen } from './tasks.domain.ts';
import { assigneeSpec, peopleStepBase } from './tasks.schemas.ts';

export interface PeopleStepDeps {
  db: Db;
  lifecycle: TaskLifecycle;
  directory: DirectoryService;
  notifications: NotificationsService;
}

const smtp = { type: 'smtp', required: false } as const;

function durationMs(value: string | undefined, path: string): number | null {
  if (value === undefined || value === '') return null;
  const ms = parseDuration(value);
  if (ms === null || ms <= 0) {
    throw new AppError('STEP_INPUT_INVALID', {
      status: 400,
      userMessage: `"${value}" is not a duration like 30m, 8h or 3d.`,
      details: { issues: [{ path, message: 'Not a duration' }] },
      retryable: false,
    });
  }
  return ms;
}

/** What a resumed people step outputs: the task's result, or TASK_EXPIRED when it timed out with onTimeout "fail". */
function finish(payload: unknown, title: string): StepResult {
  if (payload && typeof payload === 'object' && (payload as { fail?: unknown }).fail === true) {
    throw new AppError('TASK_EXPIRED', {
      status: 409,
      userMessage: `Nobody decided "${title}" in time.`,
      details: { taskId: (payload as { taskId?: unknown }).taskId ?? null },
      retryable: false,
    });
  }
  return { kind: 'done', output: payload };
}

type Base = z.output<z.ZodObject<typeof peopleStepBase>>;

/**
 * Opens the task on the first execution and parks the step (a row, no timer); a decision
 * resumes it through a signal carrying the task's result. A step executed again after a crash
 * finds the task it opened — already decided, it continues at once.
 */
async function openAndWait(
  deps: PeopleStepDeps,
  ctx: StepContext,
  input: unknown,
  config: Base,
  task: Pick<OpenTaskInput, 'kind' | 'policy' | 'required' | 'barInitiator' | 'form' | 'outcomes' | 'onTimeout'>,
): Promise<StepResult> {
  const signal = signalOf(ctx.resumeState);
  if (signal) return finish(signal.payload, config.title);
  if (ctx.resumeState) return { kind: 'wait', until: null, state: ctx.resumeState };
  const { task: row } = await deps.lifecycle.open({
    ...task,
    sourceKey: `step:${ctx.idempotencyKey}`,
    runId: ctx.runId,
    workflowId: ctx.workflowId,
    nodeId: ctx.nodeId,
    itemKey: ctx.scope,
    title: config.title,
    description: config.description,
    assignees: config.assignees,
    context: { data: config.show === undefined ? input : config.show },
    slaMs: durationMs(config.sla, 'sla'),
    timeoutMs: durationMs(config.timeout, 'timeout'),
    escalateTo: config.escalateTo,
    credentialId: config.credentialId ?? null,
    chatCredentialId: config.chatCredentialId ?? null,
    remindMs: durationMs(config.remind, 'remind'),
    remindMax: config.remindMax,
  });
  if (!isOpen(row.status) && row.status !== 'cancelled' && row.result_json) return finish(JSON.parse(row.result_json), config.title);
  return { kind: 'wait', until: null, state: { taskId: row.id } };
}

export const approvalConfig = z
  .object({
    ...peopleStepBase,
    policy: z
      .enum(['any', 'all', 'n_of_m'])
      .default('any')
      .describe('any: the first decision counts; all: everyone must approve; n_of_m: n approvals'),
    n: z.number().int().min(1).max(1000).optional().describe('Approvals needed (policy n_of_m)'),
    barInitiator: z.boolean().default(true).describe('The person who started the run may not approve it (four eyes)'),
    onTimeout: z.enum(['approve', 'reject', 'fail']).default('reject').describe('Outcome when the timeout passes undecided'),
  })
  .refine((c) => c.policy !== 'n_of_m' || c.n !== undefined, { message: 'Set n for policy n_of_m', path: ['n'] });

export const formConfig = z.object({
  ...peopleStepBase,
  fields: formFields.min(1).describe('The fields to fill in; `default` prefills them (templates allowed)'),
  onTimeout: z.enum(['fail', 'continue']).default('fail').describe('fail the step, or continue with the prefilled values'),
});

export const todoConfig = z.object({
  ...peopleStepBase,
  outcomes: z.array(z.string().trim().min(1).max(100)).min(1).max(20).default(['done']).describe('Outcomes the person chooses from'),
  fields: formFields.default([]).describe('Optional fields to fill in when completing'),
  onTimeout: z.enum(['fail', 'continue']).default('fail').describe('fail the step, or continue with outcome "timeout"'),
});

export const notifyConfig = z
  .object({
    to: z
      .array(z.union([assigneeSpec, z.object({ email: z.email().max(320).describe('An e-mail address') }).strict()]))
      .max(50)
      .default([])
      .describe('People, teams, roles or e-mail addresses (e-mail)'),
    subject: z.string().trim().min(1).max(500).describe('Subject (the chat message’s heading); templates allowed'),
    body: z.string().min(1).max(100_000).describe('Text; templates allowed'),
    credentialId: z.string().min(1).max(64).optional().describe('SMTP credential to send e-mails with'),
    chatCredentialId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('Chat incoming-webhook credential: the message also goes to its channel'),
  })
  .refine((c) => c.credentialId !== undefined || c.chatCredentialId !== undefined, {
    message: 'Give an SMTP credential, a chat credential, or both',
    path: ['credentialId'],
  })
  .refine((c) => c.credentialId === undefined || c.to.length > 0, { message: 'Whom to e-mail', path: ['to'] });

/** The people steps: approval, form, to-do and notify (category "human", shown as People). */
export function peopleStepTypes(deps: PeopleStepDeps): StepType[] {
  const approval = defineStepType({
    type: 'human.approval',
    title: 'Approval',
    description:
      'Asks people to approve or reject (any one, all, or N of them; the initiator can be barred), with an SLA, escalation and a timeout outcome. Output: decision, approved, deciders, comments.',
    category: 'human',
    credentialType: smtp,
    config: approvalConfig,
    execute: (config, input, ctx) =>
      openAndWait(deps, ctx, input, config, {
        kind: 'approval',
        policy: config.policy,
        required: config.n,
        barInitiator: config.barInitiator,
        onTimeout: config.onTimeout,
      }),
  });
  const form = defineStepType({
    type: 'human.form',
    title: 'Form',
    description: 'Asks a person to fill in fields (checked; prefilled from run data). Output: data, submittedBy.',
    category: 'human',
    credentialType: smtp,
    config: formConfig,
    execute: (config, input, ctx) =>
      openAndWait(deps, ctx, input, config, {
        kind: 'form',
        policy: 'any',
        barInitiator: false,
        form: config.fields,
        onTimeout: config.onTimeout,
      }),
  });
  const todo = defineStepType({
    type: 'human.task',
    title: 'Task for a person',
    description:
      'A to-do done by a person outside the system, who reports an outcome (and optional fields). Output: outcome, comment, data.',
    category: 'human',
    credentialType: smtp,
    config: todoConfig,
    execute: (config, input, ctx) =>
      openAndWait(deps, ctx, input, config, {
        kind: 'task',
        policy: 'any',
        barInitiator: false,
        form: config.fields,
        outcomes: config.outcomes,
        onTimeout: config.onTimeout,
      }),
  });
  const notify = defineStepType({
    type: 'human.notify',
    title: 'Notify',
    description:
      'E-mails people, teams, roles or addresses, and/or posts to a chat channel, through the notification outbox (delivered and retried after the step). Output: queued, recipients.',
    category: 'human',
    credentialType: smtp,
    config: notifyConfig,
    async execute(config, _input, ctx) {
      const recipients = new Map<string, string | null>();
      if (config.credentialId) {
        const specs = config.to.filter((t) => !('email' in t)) as Parameters<DirectoryService['resolve']>[0];
        const resolved = await deps.directory.resolve(specs, 'to');
        const people = await deps.directory.usersOf(resolved.flatMap((r) => r.principals));
        for (const p of people) recipients.set(p.email.toLowerCase(), p.id);
        for (const t of config.to) if ('email' in t) recipients.set(t.email.toLowerCase(), recipients.get(t.email.toLowerCase()) ?? null);
      }
      const { credentialId, chatCredentialId } = config;
      await deps.db.transaction().execute(async (trx) => {
        if (credentialId) {
          await deps.notifications.enqueueIn(
            trx,
            [...recipients].map(([email, userId]) => ({
              kind: 'notify',
              recipient: email,
              userId,
              subject: config.subject,
              body: config.body,
              runId: ctx.runId,
              credentialId,
              dedupeKey: `notify:${ctx.idempotencyKey}:${email}`,
            })),
          );
        }
        if (chatCredentialId) {
          await deps.notifications.enqueueIn(trx, [
            {
              channel: 'chat',
              kind: 'notify',
              recipient: 'chat',
              userId: null,
              subject: config.subject,
              body: config.body,
              runId: ctx.runId,
              credentialId: chatCredentialId,
              dedupeKey: `chat:notify:${ctx.idempotencyKey}`,
            },
          ]);
        }
      });
      // queued counts the chat message too; recipients lists the e-mail addresses.
      return { kind: 'done', output: { queued: recipients.size + (chatCredentialId ? 1 : 0), recipients: [...recipients.keys()] } };
    },
  });
  return [approval, form, todo, notify] as StepType[];
}
