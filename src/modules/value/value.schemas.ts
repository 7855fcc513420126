import { z } from 'zod';
import { questionnaire } from './assessment.domain.ts';
import { DATA_CLASSES, UPTIME_NEEDS } from './ease.domain.ts';
import { FREQUENCIES } from './volumetry.domain.ts';

/**
 * Request schemas of the value and assessment APIs. Every bound has a message a person can act
 * on; a failed parse turns into `VALIDATION_FAILED` with `details.issues[].path` per field.
 */

const num = (min: number, max: number, unit: string) =>
  z.number().finite().min(min, `At least ${min}${unit}`).max(max, `At most ${max}${unit}`);
const share = () => num(0, 1, ' (1 = 100 %)');

/** A number or a three-point estimate { low, likely, high } with low ≤ likely ≤ high, each within [min, max]. */
export function estimate(min: number, max: number, unit = '') {
  const point = num(min, max, unit);
  return z.union([
    point,
    z
      .object({ low: point, likely: point, high: point })
      .superRefine((r, ctx) => {
        if (r.low > r.high) ctx.addIssue({ code: 'custom', path: ['low'], message: 'low is above high' });
        else if (r.likely < r.low || r.likely > r.high)
          ctx.addIssue({ code: 'custom', path: ['likely'], message: 'likely is outside low–high' });
      })
      .describe('Three-point estimate'),
  ]);
}
const money = (max = 1e12) => estimate(0, max);
const minutes = () => estimate(0, 100_000, ' minutes');
const hours = () => estimate(0, 1_000_000, ' hours');

export const workingTimeSchema = z.object({
  daysPerYear: num(1, 366, ' days').default(220).describe('Working days a year'),
  hoursPerDay: num(0.5, 24, ' hours').default(8).describe('Working hours a day'),
});

export const volumetrySchema = z.object({
  frequency: z.enum(FREQUENCIES).describe('How often `volume` cases arrive'),
  volume: estimate(0, 1e9).describe('Cases per period'),
  minutesPerCase: minutes().describe('Hands-on minutes per case'),
  errorRate: estimate(0, 1, ' (1 = 100 %)').default(0).describe('Share of cases with an error, 0–1'),
  reworkMinutes: minutes().default(0).describe('Minutes to fix an erroneous case'),
  reviewShare: estimate(0, 1, ' (1 = 100 %)').default(0).describe('Share of cases reviewed, 0–1'),
  reviewMinutes: minutes().default(0).describe('Minutes per review'),
  hourlyCost: money(100_000).describe('Fully loaded cost of an hour of work'),
  applications: z.array(z.string().trim().min(1).max(100)).max(50).default([]).describe('Applications the process uses'),
});

export const potentialSchema = z.object({
  ruleBasedShare: share().describe('Share of cases that follow rules, 0–1'),
  unstructuredShare: share().default(0).describe('Share with unstructured input, 0–1'),
  nonDigitalShare: share().default(0).describe('Share with paper or phone input, 0–1'),
  variants: z.number().int().min(1, 'At least 1').max(1000).default(1).describe('Distinct paths of the process'),
});

export const easeSchema = z.object({
  applications: z.number().int().min(0).max(1000).optional().describe('Applications (default: the volumetry’s list)'),
  steps: z.number().int().min(1).max(10_000).optional(),
  decisionPoints: z.number().int().min(0).max(10_000).optional(),
  unstructuredShare: share().optional(),
  ruleBasedShare: share().optional(),
  stability: z.number().int().min(1).max(5).optional().describe('1 = major change expected … 5 = stable'),
  exceptionRate: share().optional(),
  peakRatio: num(1, 1000, '').optional().describe('Peak ÷ average volume'),
  legacySystems: z.number().int().min(0).max(1000).optional().describe('Applications without an API'),
  dataClass: z.enum(DATA_CLASSES).optional(),
  uptime: z.enum(UPTIME_NEEDS).optional(),
});

export const easeWeightsSchema = z
  .object(
    Object.fromEntries(Object.keys(easeSchema.shape).map((k) => [k, num(0, 100, '')])) as Record<
      keyof z.infer<typeof easeSchema>,
      ReturnType<typeof num>
    >,
  )
  .describe('Weight of each ease factor (admin setting)');

export const benefitSchema = z.object({
  adoption: estimate(0, 1, ' (1 = 100 %)').optional().describe('Share of cases the workflow will handle, default 0.8'),
  costPerError: money().optional().describe('Cost of an error beyond its rework time'),
  otherBenefits: money().optional().describe('Other yearly benefits (a licence no longer needed)'),
});

export const costSchema = z.object({
  buildHours: hours().describe('Hours to build, test and release'),
  builderHourlyCost: num(0, 100_000, '').describe('Fully loaded hourly cost of builders'),
  buildOtherCost: money().optional(),
  platformCostPerYear: money().optional(),
  maintenanceShare: estimate(0, 1, ' (1 = 100 %)').optional().describe('Yearly maintenance as a share of the build cost, default 0.15'),
  supportHoursPerYear: hours().optional(),
});

export const assessmentValueSchema = z.object({
  volumetry: volumetrySchema,
  potential: potentialSchema,
  ease: easeSchema.optional(),
  benefit: benefitSchema.optional(),
  cost: costSchema,
  discountRate: num(0, 1, ' (0.08 = 8 %)').default(0.08).describe('Yearly discount rate of the 3-year NPV'),
  workingTime: workingTimeSchema.optional(),
});
export type AssessmentValueRequest = z.infer<typeof assessmentValueSchema>;

export const quadrantThresholdsSchema = z.object({
  value: share().default(0.5).describe('Normalised value from which an idea is high value'),
  ease: num(0, 100, '').default(50).describe('EoI from which an idea is easy'),
});

export const minutesAnswerSchema = z.object({
  minutesPerWeek: num(0, 7 * 24 * 60, ' minutes').describe('Minutes the automation saved you per week'),
});

export const actualValueQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).describe('Start of the window (ISO 8601)'),
    to: z.iso.datetime({ offset: true }).describe('End of the window, excluded'),
    minutesSavedPerRun: num(0, 100_000, ' minutes').optional().describe('Overrides the assessment’s minutes saved per run'),
  })
  .superRefine((q, ctx) => {
    if (Date.parse(q.to) <= Date.parse(q.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  });

export const questionnaireSchema = questionnaire;

export const answerSetSchema = z.object({
  version: z.number().int().min(1).describe('Questionnaire version answered'),
  answers: z.record(z.string(), z.union([z.string().max(20_000), z.array(z.string().max(200)).max(100), z.number().finite()])),
});

/** A zod error as the API's field issues: dotted path and message. */
export function fieldIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
