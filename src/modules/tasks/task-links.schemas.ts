import { z } from 'zod';

export const linkTokenParam = z.object({
  token: z.string().min(1).max(200).describe('The token from the e-mail link (/act/<token>)'),
});

export const confirmLinkBody = z
  .object({
    comment: z.string().trim().max(5000).default('').describe('Why (kept with the decision)'),
    taskId: z.string().max(64).optional().describe('The task the confirmation page showed; another task is TASK_LINK_INVALID'),
    action: z.enum(['approve', 'reject', 'open']).optional().describe('The action the page showed; another is TASK_LINK_INVALID'),
  })
  .describe('Optional: a comment, and what the confirmation page showed');

export const linkPreviewSchema = z
  .object({
    action: z.enum(['approve', 'reject', 'open']).describe('What confirming does (open: the link only shows the task)'),
    expiresAt: z.string().describe('When the link stops working'),
    recipient: z.object({ name: z.string() }).describe('Whom the link was sent to: confirming decides as them'),
    task: z.object({
      id: z.string(),
      kind: z.enum(['approval', 'form', 'task', 'exception']),
      title: z.string(),
      description: z.string(),
      status: z.string().describe('open or claimed (a closed task answers TASK_CLOSED, TASK_EXPIRED or TASK_CANCELLED)'),
      dueAt: z.string().nullable(),
      workflowName: z.string().nullable(),
      shown: z.unknown().describe('The data the step shows the person'),
    }),
    inboxPath: z.string().describe('The task in the web inbox (sign-in needed)'),
  })
  .describe('What an e-mail link does, read without changing anything');

export const linkConfirmedSchema = z
  .object({
    action: z.enum(['approve', 'reject']),
    task: z.object({ id: z.string(), title: z.string(), status: z.string(), outcome: z.string().nullable() }),
    decidedAs: z.string().describe('Who decided (the link’s recipient)'),
  })
  .describe('The decision taken through the link');

export type LinkPreview = z.infer<typeof linkPreviewSchema>;
export type LinkConfirmed = z.infer<typeof linkConfirmedSchema>;
