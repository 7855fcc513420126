import { z } from 'zod';

export const symbiosisQuery = z.object({
  workflowId: z.string().min(1).max(64).optional().describe('One workflow'),
  teamId: z.string().min(1).max(64).optional().describe("A team's workflows (without either: the whole programme)"),
  weeks: z.coerce.number().int().min(1).max(104).default(12).describe('Weeks to show, up to the current one'),
});

const ratio = z.number().nullable();

export const figuresSchema = z.object({
  runs: z.number().describe('Runs started'),
  machineSteps: z.number().describe('Step rows the machine executed (people steps excluded)'),
  peopleSteps: z.number().describe('Tasks handed to people (approvals, forms, to-dos, exceptions)'),
  peopleStepShare: ratio.describe('peopleSteps ÷ (peopleSteps + machineSteps)'),
  machineWorkMs: z.number().describe('Time the machine worked'),
  peopleMs: z.number().describe('Time tasks were open (work sitting with people)'),
  machineWaitMs: z.number().describe('Delays, back-offs, rate limits and bookkeeping'),
  peopleTimeShare: ratio.describe('peopleMs ÷ (peopleMs + machineWorkMs + machineWaitMs)'),
  tasksOpened: z.number(),
  tasksClosed: z.number(),
  cycleP50Ms: z.number().nullable().describe('Median open → closed of closed tasks (nearest rank)'),
  cycleP90Ms: z.number().nullable(),
  slaTasks: z.number().describe('Tasks with a due time, closed or overdue'),
  slaBreached: z.number(),
  slaBreachRate: ratio,
  exceptions: z.number(),
  exceptionsPer100Runs: ratio,
});

export const symbiosisSchema = z.object({
  scope: z.enum(['workflow', 'team', 'programme']),
  workflow: z.object({ id: z.string(), name: z.string() }).nullable(),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  weeksCount: z.number(),
  since: z.string().describe('Monday 00:00 UTC of the first week'),
  truncated: z.boolean().describe('More than 50,000 runs or tasks in the period; the newest count'),
  totals: figuresSchema,
  weeks: z.array(figuresSchema.extend({ week: z.string().describe('Monday of the week, YYYY-MM-DD') })),
  workflows: z.array(figuresSchema.extend({ workflowId: z.string(), name: z.string() })).describe('Per workflow, most people time first'),
});
