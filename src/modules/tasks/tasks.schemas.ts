import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { ROLE_KEYS } from '../../platform/permissions/catalog.ts';
import { formField } from './task-form.domain.ts';

export const taskIdParam = z.object({ id: z.string().min(1).max(64).describe('Task id') });

export const taskKind = z.enum(['approval', 'form', 'task', 'exception']).describe('What the person is asked to do');
export const taskStatus = z.enum(['open', 'claimed', 'done', 'expired', 'cancelled']).describe('Where the task stands');

/** Who a task is for: a user (id or e-mail), a team (id or name), a team's managers, or a role (optionally of a team). */
export const assigneeSpec = z
  .union([
    z.object({ user: z.string().min(1).max(320).describe('User id or e-mail address') }).strict(),
    z.object({ team: z.string().min(1).max(120).describe('Team id or name: every member') }).strict(),
    z.object({ managersOf: z.string().min(1).max(120).describe("Team id or name: the team's managers") }).strict(),
    z
      .object({
        role: z.enum(ROLE_KEYS as [string, ...string[]]).describe('Holders of this role'),
        team: z.string().min(1).max(120).optional().describe('Only holders of the role for this team (global holders too)'),
      })
      .strict(),
  ])
  .describe('An assignee');

const person = z.object({ id: z.string(), name: z.string() }).describe('A person');

export const taskSummarySchema = z
  .object({
    id: z.string().describe('Task id'),
    kind: taskKind,
    status: taskStatus,
    title: z.string().describe('Title'),
    workflowId: z.string().nullable().describe('Workflow that opened it'),
    workflowName: z.string().nullable().describe('Its name'),
    runId: z.string().nullable().describe('Run that waits for it'),
    nodeId: z.string().nullable().describe('Step that waits for it'),
    policy: z.enum(['any', 'all', 'n_of_m']).describe('Who must decide: any one, all, or N of them'),
    required: z.number().int().describe('Approvals needed (N of N-of-M)'),
    eligible: z.number().int().describe('People who may decide when it opened (M)'),
    claimedBy: person.nullable().describe('Who claimed it'),
    dueAt: z.string().nullable().describe('SLA due time'),
    expiresAt: z.string().nullable().describe('Timeout'),
    overdue: z.boolean().describe('Open and past its due time'),
    escalatedAt: z.string().nullable().describe('When its SLA was breached (and it was escalated)'),
    outcome: z.string().nullable().describe('approved, rejected, completed, retry, skip, abort, …'),
    createdAt: z.string().describe('Opened'),
    updatedAt: z.string().describe('Last change'),
    closedAt: z.string().nullable().describe('Closed'),
  })
  .describe('A task in a list');
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskDetailSchema = taskSummarySchema
  .extend({
    description: z.string().describe('What to do (plain text)'),
    assignees: z.array(z.object({ principal: z.string(), label: z.string(), reason: z.string() })).describe('Who it is for'),
    decisions: z
      .array(
        z.object({
          id: z.string(),
          decider: person.describe('Whose decision it is'),
          actorLabel: z.string().describe('Who acted (a delegate, or the system on a timeout)'),
          onBehalf: z.boolean().describe('A delegate decided for the person away'),
          decision: z.string().describe('approve, reject, complete, retry, skip, abort, timeout'),
          comment: z.string(),
          data: z.unknown().describe('Submitted data, if any'),
          at: z.string(),
        }),
      )
      .describe('Every decision, oldest first'),
    votesNeeded: z.number().int().describe('Approvals still needed'),
    barInitiator: z.boolean().describe("The run's initiator may not decide"),
    initiator: person.nullable().describe('Who started the run'),
    form: z
      .object({
        fields: z.array(z.record(z.string(), z.unknown())).describe('Field definitions'),
        prefill: z.record(z.string(), z.unknown()).describe('Prefilled values'),
        schema: z.record(z.string(), z.unknown()).describe('JSON Schema of the data'),
      })
      .nullable()
      .describe('The form to fill in (form and task kinds)'),
    outcomes: z.array(z.string()).describe('Outcomes to choose from (task kind)'),
    context: z.unknown().describe('What the person needs to see: the step input, an exception’s error and runbook link'),
    result: z.unknown().describe('What the run received'),
    actions: z.array(z.string()).describe('What you may do now: claim, unclaim, approve, reject, complete, resolve, reassign'),
  })
  .describe('A task with everything needed to decide it');
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const listTasksQuery = z.object({
  view: z
    .enum(['inbox', 'mine', 'team', 'all'])
    .default('inbox')
    .describe(
      'inbox: mine and my teams’; mine: assigned to me (or people I stand in for) or claimed by me; team: through my teams and roles; all: every task (tasks.manage)',
    ),
  status: z
    .enum(['active', 'open', 'claimed', 'closed', 'done', 'expired', 'cancelled'])
    .default('active')
    .describe('active = open or claimed; closed = done, expired or cancelled'),
  kind: taskKind.optional(),
  due: z
    .enum(['overdue', 'today', 'week', 'none'])
    .optional()
    .describe('Open tasks due: before now, by the end of today (UTC), within 7 days, or undated'),
  ...pageQuery,
});

export const countsSchema = z
  .object({
    inbox: z.number().int().describe('Open tasks in my inbox'),
    mine: z.number().int().describe('… assigned to me personally (or claimed by me, or of people I stand in for)'),
    team: z.number().int().describe('… reaching me only through teams and roles'),
    overdue: z.number().int().describe('… past their due time'),
    byKind: z.object({ approval: z.number().int(), form: z.number().int(), task: z.number().int(), exception: z.number().int() }),
  })
  .describe('Inbox counts for the navigation');

/** Optional on every decision: what it took the person, counted as the people's time by measured value. */
const minutesSpent = z
  .number()
  .int('Whole minutes')
  .min(0, 'Zero or more minutes')
  .max(1440, 'At most 1440 minutes (a day)')
  .optional()
  .describe('Minutes the decision took you (optional; measured value counts them as people’s time)');

export const commentBody = z.object({
  comment: z.string().trim().max(5000).default('').describe('Why (kept with the decision)'),
  minutesSpent,
});

export const completeBody = z.object({
  data: z.record(z.string(), z.unknown()).default({}).describe("The form's values by field key"),
  outcome: z.string().trim().min(1).max(100).optional().describe('The chosen outcome (task kind)'),
  comment: z.string().trim().max(5000).default(''),
  minutesSpent,
});

export const resolveBody = z
  .object({
    action: z.enum(['retry', 'skip', 'abort']).describe('retry the step (with edited input), skip it with an output, or abort the run'),
    input: z.unknown().optional().describe('retry: the step input to use instead of the failed one'),
    output: z.unknown().optional().describe('skip: the output the step gives the next steps'),
    comment: z.string().trim().max(5000).default(''),
    minutesSpent,
  })
  .describe('How to resolve an exception');

export const reassignBody = z.object({
  to: z.array(assigneeSpec).min(1).max(20).describe('The new assignees (replace the current ones)'),
  comment: z.string().trim().max(5000).default(''),
});

export const bulkApproveBody = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(100).describe('Tasks to approve'),
  comment: z.string().trim().max(5000).default(''),
});

export const bulkResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        ok: z.boolean(),
        status: z.string().nullable().describe('The task status afterwards'),
        code: z.string().nullable().describe('Error code when refused (docs/errors.md)'),
        message: z.string().nullable(),
      }),
    ),
  })
  .describe('One result per task, in the order given');

export const delegationSchema = z
  .object({
    id: z.string(),
    user: person.describe('Who is away'),
    delegate: person.describe('Who works their tasks meanwhile'),
    startsAt: z.string(),
    endsAt: z.string(),
    note: z.string(),
    active: z.boolean().describe('In effect now'),
    cancelledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('An out-of-office delegation');
export type DelegationView = z.infer<typeof delegationSchema>;

export const createDelegationBody = z.object({
  delegate: z.string().min(1).max(320).describe('User id or e-mail address of the stand-in'),
  user: z.string().min(1).max(320).optional().describe('Who is away (default: you; someone else needs tasks.manage)'),
  startsAt: z.iso.datetime({ offset: true }).optional().describe('From (default: now)'),
  endsAt: z.iso.datetime({ offset: true }).describe('Until'),
  note: z.string().trim().max(500).default(''),
});

export const listDelegationsQuery = z.object({
  all: z.coerce.boolean().default(false).describe("Everyone's (tasks.manage), not only yours"),
  includeEnded: z.coerce.boolean().default(false).describe('Also ended and cancelled ones'),
});

export const delegationIdParam = z.object({ id: z.string().min(1).max(64).describe('Delegation id') });

/** Settings shared by the people steps (approval, form, task). */
export const peopleStepBase = {
  title: z.string().trim().min(1).max(200).describe('Title shown in the inbox; templates allowed'),
  description: z.string().max(10_000).default('').describe('What to do; templates allowed'),
  assignees: z.array(assigneeSpec).min(1).max(20).describe('Who the task is for'),
  sla: z.string().max(20).optional().describe('Due after this long ("4h", "2d"); then it is escalated'),
  escalateTo: z.array(assigneeSpec).max(20).default([]).describe('Who is added when the SLA is breached'),
  timeout: z.string().max(20).optional().describe('Closes the task after this long with the onTimeout outcome'),
  show: z.unknown().optional().describe('Data shown to the person (default: the step input); templates allowed'),
  credentialId: z.string().max(64).optional().describe('SMTP credential to e-mail assignees and escalations (with one-click links)'),
  chatCredentialId: z
    .string()
    .max(64)
    .optional()
    .describe('Chat incoming-webhook credential: a message with the task link goes to its channel'),
  remind: z.string().max(20).optional().describe('Remind those who have not decided every so long ("4h") while the task is open'),
  remindMax: z.number().int().min(1).max(20).default(3).describe('At most this many reminders'),
};

export const formFieldsSchema = z.array(formField).max(100);
