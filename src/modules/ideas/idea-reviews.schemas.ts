import { z } from 'zod';
import { CHECK_ITEMS, DATA_CLASSES, REVIEW_KINDS } from './idea-reviews.domain.ts';

export const reviewKind = z.enum(REVIEW_KINDS).describe('business (an approver) or technical (the checklist)');
export const reviewKindParam = z.object({ id: z.string().min(1).max(64).describe('Idea id'), kind: reviewKind });
export const checkItemParam = z.object({
  id: z.string().min(1).max(64).describe('Idea id'),
  item: z.enum(CHECK_ITEMS).describe('Checklist item'),
});

export const submitReviewBody = z.object({
  kind: reviewKind,
  note: z.string().trim().max(2000).optional().describe('What the reviewer should look at'),
});

export const decideReviewBody = z.object({
  decision: z.enum(['approve', 'request_changes']).describe('Approve, or send it back to the builder'),
  note: z.string().trim().max(2000).optional().describe('Why; required when requesting changes'),
});

export const checkItemBody = z.object({
  decision: z.enum(['confirm', 'waive']).describe('confirm: the item passes (its automatic check must pass); waive: accept it anyway'),
  reason: z.string().trim().max(2000).optional().describe('Why it is waived (required for a waiver)'),
  dataClass: z.enum(DATA_CLASSES).optional().describe('The data class of the idea (confirming the data_class item)'),
});

export const createIdeaWorkflowBody = z.object({
  name: z.string().trim().min(1).max(120).optional().describe('Workflow name (default: the idea’s name)'),
});

const autoResult = z.object({
  pass: z.boolean().nullable().describe('The automatic check: true, false, or null when only the reviewer can tell'),
  why: z.array(z.string()).describe('One line per reason'),
});

const roundSchema = z.object({
  id: z.string(),
  kind: reviewKind,
  round: z.number(),
  status: z.string().describe('pending | approved | changes_requested'),
  submittedBy: z.string(),
  submitNote: z.string(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
  decidedAt: z.string().nullable(),
  dataClass: z.string().nullable(),
});

export const reviewsSchema = z.object({
  ideaId: z.string(),
  phase: z.string(),
  status: z.string(),
  builderId: z.string().nullable(),
  minTestRuns: z.number().describe('Succeeded runs of the published version the test-runs check asks for'),
  workflows: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      publishedVersion: z.number().nullable(),
      succeededRuns: z.number().describe('Succeeded runs of the published version'),
    }),
  ),
  business: roundSchema.nullable().describe('The latest business review round'),
  technical: roundSchema.nullable().describe('The latest technical review round'),
  checklist: z.array(
    z.object({
      item: z.enum(CHECK_ITEMS),
      auto: autoResult,
      decision: z.object({ decision: z.enum(['confirmed', 'waived']), reason: z.string(), by: z.string(), at: z.string() }).nullable(),
      state: z.enum(['waived', 'passed', 'to_confirm', 'failing']),
    }),
  ),
  history: z.array(roundSchema).describe('Every round, newest first'),
  goLive: z.object({ ok: z.boolean(), business: z.string(), technical: z.string() }).describe('Whether the go-live gate is open'),
  can: z.object({
    claim: z.boolean(),
    createWorkflow: z.boolean(),
    submitBusiness: z.boolean(),
    submitTechnical: z.boolean(),
    decideBusiness: z.boolean(),
    decideTechnical: z.boolean(),
  }),
});

export const createdWorkflowSchema = z.object({ id: z.string(), name: z.string() });
