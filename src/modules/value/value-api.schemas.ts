import { z } from 'zod';

/** Request and response schemas of `/api/v1/value` (the assessment request schemas are in value.schemas.ts). */

export const ideaIdParam = z.object({ id: z.string().min(1).max(64).describe('Idea id') });

const instant = (what: string) =>
  z
    .string()
    .max(40)
    .refine((v) => !Number.isNaN(Date.parse(v)), 'A date (YYYY-MM-DD) or an ISO date-time')
    .describe(what);

const windowShape = {
  from: instant('Start of the window (inclusive); default: 12 weeks before `to`').optional(),
  to: instant('End of the window: a date counts whole (up to its end), a date-time is exclusive; default: now').optional(),
};

/** from ≤ to, checked on the fields so the error names them. */
function fromBeforeTo(v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.from && v.to && Date.parse(v.from) > Date.parse(v.to)) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` must not be after `to`' });
  }
}

export const windowQuery = z.object(windowShape).superRefine(fromBeforeTo);
export type WindowQuery = z.infer<typeof windowQuery>;

export const dashboardQuery = z
  .object({
    ...windowShape,
    categoryId: z.string().min(1).max(64).optional().describe('Only ideas of this category'),
    teamId: z.string().min(1).max(64).optional().describe('Only ideas of this team'),
  })
  .superRefine(fromBeforeTo);
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const settingsBody = z
  .object({
    kind: z.enum(['process', 'personal']).optional().describe('process: measured from runs; personal: from the weekly prompt'),
    minutesSavedPerRun: z
      .number()
      .min(0, 'Must be zero or more')
      .max(10_000)
      .nullable()
      .optional()
      .describe('Minutes one successful run saves; null: from the assessment (or the quick screen)'),
    hourlyCost: z
      .number()
      .min(0, 'Must be zero or more')
      .max(100_000)
      .nullable()
      .optional()
      .describe('Hourly cost of the time saved; null: default'),
    promptEveryDays: z.number().int().min(1).max(90).optional().describe('Personal automations: ask every this many days'),
  })
  .strict();
export type SettingsInput = z.infer<typeof settingsBody>;

export const answerBody = z.object({
  minutesPerWeek: z.number().min(0, 'Must be zero or more').max(10_080, 'A week has 10,080 minutes').describe('Minutes saved last week'),
});

const expectedSchema = z.object({
  source: z.enum(['assessment', 'quick-screen']).describe('Where the expectation comes from'),
  hoursPerYear: z.number(),
  valuePerYear: z.number().describe('Expected hours × hourly cost: what realisation compares with'),
  netValuePerYear: z.number().nullable().describe("The assessment's expected net yearly value"),
  minutesSavedPerRun: z.number(),
  hourlyCost: z.number(),
});

const weekSchema = z.object({ week: z.string().describe('Monday, YYYY-MM-DD'), expected: z.number(), actual: z.number() });

export const automationRowSchema = z.object({
  ideaId: z.string(),
  name: z.string(),
  kind: z.enum(['process', 'personal']),
  categoryId: z.string(),
  teamId: z.string().nullable(),
  submitterId: z.string().nullable(),
  builderId: z.string().nullable(),
  liveSince: z.string().nullable(),
  source: z.enum(['assessment', 'quick-screen']),
  minutesSavedPerRun: z.number(),
  hourlyCost: z.number(),
  expectedPerYear: z.number(),
  expected: z.number().describe('Expected value over the measured window'),
  actual: z.number().describe('Measured value over the window'),
  actualHours: z.number(),
  humanHours: z.number(),
  runs: z.number().int(),
  succeededRuns: z.number().int(),
  realisation: z.number().nullable(),
  weeks: z.array(weekSchema),
});

export const settingsSchema = z.object({
  kind: z.enum(['process', 'personal']),
  minutesSavedPerRun: z.number().nullable(),
  hourlyCost: z.number().nullable(),
  promptEveryDays: z.number().int(),
  lastPromptedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const ideaValueSchema = z.object({
  idea: z.object({ id: z.string(), name: z.string(), phase: z.string(), categoryId: z.string() }),
  from: z.string(),
  to: z.string(),
  settings: settingsSchema,
  expected: expectedSchema,
  measured: automationRowSchema.nullable().describe('Null until the idea is live'),
  calibration: z.number().nullable().describe("The category's calibration factor"),
  canEdit: z.boolean().describe('Whether the caller may change the settings'),
  canAnswer: z.boolean().describe('Whether the caller may answer the personal prompt'),
  myAnswers: z.array(z.object({ minutesPerWeek: z.number(), answeredAt: z.string() })),
});

const named = { id: z.string(), name: z.string() };

export const dashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  kpis: z.object({
    ideas: z.number().int(),
    live: z.number().int(),
    expected: z.number(),
    actual: z.number(),
    realisation: z.number().nullable(),
    actualHours: z.number(),
    medianDaysToLive: z.number().nullable(),
  }),
  byPhase: z.array(z.object({ phase: z.string(), count: z.number().int() })),
  byTeam: z.array(z.object({ teamId: z.string().nullable(), name: z.string(), count: z.number().int() })),
  velocity: z.object({
    submitted: z.number().int(),
    wentLive: z.number().int(),
    medianDaysToLive: z.number().nullable(),
    submittedPerWeek: z.array(z.object({ week: z.string(), count: z.number().int() })),
  }),
  series: z.array(weekSchema),
  contributors: z.object({
    submitters: z.array(z.object({ ...named, ideas: z.number().int(), liveIdeas: z.number().int(), realisedValue: z.number() })),
    builders: z.array(
      z.object({ ...named, liveAutomations: z.number().int(), realisedValue: z.number(), templateReuses: z.number().int() }),
    ),
  }),
  automations: z.array(automationRowSchema),
  calibration: z.array(z.object({ categoryId: z.string(), name: z.string(), factor: z.number().nullable(), sample: z.number().int() })),
});
