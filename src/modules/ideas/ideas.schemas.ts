import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { ACTIONS, PHASES, STATUSES } from './pipeline.domain.ts';

export const idParam = z.object({ id: z.string().min(1).max(64).describe('Idea id') });
export const FREQUENCY_PERIODS = ['day', 'week', 'month'] as const;

const answer = (what: string) => z.number().int().min(1).max(5).describe(what);

export const screenSchema = z
  .object({
    rules: answer('How rule-based is it? 1 = mostly judgement, 5 = fully rule-based'),
    digital: answer('How digital is the input? 1 = paper, 5 = all digital'),
    structured: answer('How structured is the data? 1 = free text and scans, 5 = fixed fields'),
    change: answer('How much change is expected in the next 6 months? 1 = none, 5 = major change'),
    documentation: answer('How well documented is it? 1 = not at all, 5 = a complete, current procedure'),
  })
  .describe('The five quick-screen questions, each 1–5');

const volumetry = {
  frequencyPeriod: z.enum(FREQUENCY_PERIODS).describe('How often it happens: per day, week or month'),
  frequencyCount: z.number().int().min(0, 'Must be zero or more').max(1_000_000).describe('Cases per period'),
  minutesPerCase: z.number().int().min(0, 'Must be zero or more').max(10_000).describe('Minutes of work per case'),
};

export const submitIdeaBody = z.object({
  name: z.string().trim().min(3, 'At least 3 characters').max(160).describe('A short name: what would be automated'),
  description: z.string().trim().min(1, 'Required').max(10_000).describe('What happens today, step by step'),
  categoryId: z.string().min(1).max(64).describe('Category id (GET /api/v1/idea-categories)'),
  teamId: z.string().min(1).max(64).nullish().describe('The team whose process it is'),
  painPoints: z.string().trim().max(5_000).default('').describe('What hurts today: errors, delays, boredom'),
  applications: z.array(z.string().trim().min(1).max(80)).max(30).default([]).describe('Applications used'),
  ...volumetry,
  screen: screenSchema,
});
export type SubmitIdeaInput = z.infer<typeof submitIdeaBody>;

export const scoreBody = z.object({ screen: screenSchema });

const weight = (what: string) => z.number().int().min(0).max(10).describe(`Weight of ${what} (0–10)`);
export const weightsSchema = z
  .object({
    rules: weight('rule-based'),
    digital: weight('digital input'),
    structured: weight('structured data'),
    change: weight('stability (little change expected)'),
    documentation: weight('documentation'),
  })
  .refine((w) => w.rules + w.digital + w.structured + w.change + w.documentation > 0, { message: 'At least one weight must be positive' })
  .describe('The idea score’s factor weights (equal by default)');

export const factorSchema = z.object({
  factor: z.string().describe('rules | digital | structured | change | documentation'),
  label: z.string(),
  answer: z.number().describe('The answer, 1–5'),
  normalised: z.number().describe('Favourability 0–1 ((x − 1) / 4; change inverted)'),
  weight: z.number(),
  points: z.number().describe('Points it adds to the score'),
  headroom: z.number().describe('Points still to gain'),
});

export const ideaScoreSchema = z
  .object({
    score: z.number().describe('0–100'),
    suitability: z.number().describe('0–100: rules, digital, structured'),
    readiness: z.number().describe('0–100: stability and documentation'),
    feasible: z.boolean().describe('False when a major change is expected'),
    warning: z.string().nullable().describe('Feasibility warning'),
    factors: z.array(factorSchema),
    hints: z
      .array(z.object({ factor: z.string(), gainPerStep: z.number(), text: z.string() }))
      .describe('How to raise the weakest factors'),
  })
  .describe('The instant idea score, factor by factor (docs/ideas.md)');

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const ideaSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.object({ id: z.string(), name: z.string() }),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
    submitter: person,
    builder: person,
    painPoints: z.string(),
    applications: z.array(z.string()),
    frequencyPeriod: z.string(),
    frequencyCount: z.number(),
    minutesPerCase: z.number(),
    hoursPerMonth: z.number().describe('Rough AS-IS effort: cases per month × minutes per case ÷ 60, submitter and supporters'),
    screen: screenSchema,
    score: ideaScoreSchema,
    phase: z.enum(PHASES),
    status: z.enum(STATUSES),
    votes: z.number(),
    followers: z.number(),
    comments: z.number(),
    supporters: z.number(),
    voted: z.boolean().describe('Whether the caller voted'),
    following: z.boolean().describe('Whether the caller follows it'),
    workflows: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
    moves: z.array(z.object({ phase: z.string(), status: z.string(), action: z.string() })).describe('Moves the caller may make'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('An idea');
export type IdeaView = z.infer<typeof ideaSchema>;

export const ideaRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  phase: z.enum(PHASES),
  status: z.enum(STATUSES),
  score: z.number(),
  feasible: z.boolean(),
  votes: z.number(),
  supporters: z.number(),
  comments: z.number(),
  builderId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IdeaRow = z.infer<typeof ideaRowSchema>;

export const SORTS = ['created', 'updated', 'score', 'votes', 'name'] as const;
export const listIdeasQuery = z.object({
  phase: z.enum(PHASES).optional().describe('Only this phase'),
  status: z.enum(STATUSES).optional().describe('Only this status'),
  teamId: z.string().max(64).optional(),
  categoryId: z.string().max(64).optional(),
  q: z.string().trim().max(120).optional().describe('Matches name or description'),
  minScore: z.coerce.number().min(0).max(100).optional().describe('Only ideas scoring at least this'),
  sort: z.enum(SORTS).default('created').describe('Sort key'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type ListIdeasQuery = z.infer<typeof listIdeasQuery>;

export const similarBody = z.object({
  name: z.string().max(160).default('').describe('Draft name'),
  description: z.string().max(10_000).default('').describe('Draft description'),
  limit: z.number().int().min(1).max(20).default(5),
});
export const similarSchema = z.object({
  ideas: z.array(z.object({ id: z.string(), name: z.string(), phase: z.string(), status: z.string(), similarity: z.number() })),
  workflows: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), similarity: z.number() })),
});

export const meTooBody = z.object({
  teamId: z.string().min(1).max(64).nullish().describe('Your team, when the process is also yours'),
  frequencyPeriod: volumetry.frequencyPeriod.optional(),
  frequencyCount: volumetry.frequencyCount.optional(),
  minutesPerCase: volumetry.minutesPerCase.optional(),
  note: z.string().trim().max(2_000).default(''),
});
export type MeTooInput = z.infer<typeof meTooBody>;

export const commentBody = z.object({
  body: z.string().trim().min(1, 'Required').max(5_000).describe('The comment; @name or @e-mail mentions notify people'),
});
export const commentSchema = z.object({
  id: z.string(),
  author: z.string(),
  authorId: z.string().nullable(),
  body: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.string(),
});

export const transitionBody = z.object({
  phase: z.enum(PHASES).describe('Target phase'),
  status: z.enum(STATUSES).describe('Target status'),
  reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(2_000).describe('Why: kept in the history and audit log'),
});
export const transitionSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromPhase: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toPhase: z.string(),
  toStatus: z.string(),
  reason: z.string(),
  actor: z.string(),
  createdAt: z.string(),
});

export const linkWorkflowBody = z.object({ workflowId: z.string().min(1).max(64).describe('Workflow that builds the idea') });

export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  rules: z.record(z.string(), z.array(z.string())).describe('Roles allowed per action (defaults filled in)'),
});
export const categoryBody = z.object({
  name: z.string().trim().min(1, 'Required').max(80),
  description: z.string().trim().max(500).default(''),
});
export const rulesBody = z.object({
  rules: z
    .partialRecord(z.enum(ACTIONS), z.array(z.enum(['admin', 'programme_manager', 'approver', 'builder', 'member', 'viewer'])).max(6))
    .describe('Roles allowed per action; an action left out keeps its default'),
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  actor: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
