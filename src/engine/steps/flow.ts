import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { defineStepType } from './step-type.ts';

export const loopStep = defineStepType({
  type: 'logic.loop',
  title: 'Loop over items',
  description:
    'Runs its loop body once per item ($item, $index), at most `concurrency` items at a time; outputs the list of each item’s last body output.',
  category: 'logic',
  pure: true,
  config: z.object({
    items: z.unknown().describe('The list, usually "{{ lines }}"'),
    concurrency: z.number().int().min(1).max(100).default(1).describe('Items in progress at once'),
  }),
  async execute(config) {
    if (!Array.isArray(config.items)) {
      throw new AppError('STEP_INPUT_INVALID', {
        status: 400,
        userMessage: 'Loop items must be a list.',
        details: { got: typeof config.items },
      });
    }
    if (config.items.length > 100_000) {
      throw new AppError('STEP_INPUT_INVALID', { status: 400, userMessage: 'A loop takes at most 100,000 items; split the work.' });
    }
    return { kind: 'loop', items: config.items, concurrency: config.concurrency };
  },
});

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "15m", "2h", "1d" → milliseconds; null when not a duration. */
export function parseDuration(text: string): number | null {
  const m = DURATION.exec(text.trim());
  return m?.[1] && m[2] ? Math.round(Number(m[1]) * (UNIT_MS[m[2]] ?? 0)) : null;
}

export const delayStep = defineStepType({
  type: 'logic.delay',
  title: 'Delay',
  description: 'Waits durably — for a duration or until a time — without holding memory or a process; survives restarts.',
  category: 'logic',
  pure: true,
  config: z.object({
    for: z.string().max(50).optional().describe('Duration: "30s", "15m", "2h", "3d"'),
    until: z.string().max(100).optional().describe('ISO date-time to wait for (templates allowed)'),
  }),
  async execute(config, input, ctx) {
    if (ctx.resumeState) return { kind: 'done', output: input };
    let until: Date;
    if (config.for !== undefined) {
      const ms = parseDuration(config.for);
      if (ms === null)
        throw new AppError('STEP_INPUT_INVALID', { status: 400, userMessage: `"${config.for}" is not a duration like 30s, 15m, 2h, 3d.` });
      until = new Date(ctx.clock.now().getTime() + ms);
    } else if (config.until !== undefined) {
      until = new Date(config.until);
      if (Number.isNaN(until.getTime()))
        throw new AppError('STEP_INPUT_INVALID', { status: 400, userMessage: `"${config.until}" is not a date-time.` });
    } else {
      throw new AppError('STEP_INPUT_INVALID', { status: 400, userMessage: 'Set "for" or "until".' });
    }
    return { kind: 'wait', until, state: { waitedUntil: until.toISOString() } };
  },
});

export const respondStep = defineStepType({
  type: 'logic.respond',
  title: 'Respond to webhook',
  description: 'Sends the answer of a synchronous webhook; the run goes on afterwards.',
  category: 'logic',
  pure: true,
  config: z.object({
    status: z.number().int().min(100).max(599).default(200).describe('HTTP status'),
    headers: z.record(z.string(), z.string()).default({}).describe('Response headers'),
    body: z.unknown().optional().describe('Response body (JSON); templates allowed; defaults to the step input'),
  }),
  async execute(config, input, ctx) {
    const body = config.body === undefined ? input : config.body;
    ctx.respond({ status: config.status, headers: config.headers, body });
    return { kind: 'done', output: { status: config.status, body } };
  },
});

export const subWorkflowStep = defineStepType({
  type: 'logic.subworkflow',
  title: 'Run another workflow',
  description: 'Starts the published version of another workflow with an input and waits for its result (its last output).',
  category: 'logic',
  config: z.object({
    workflowId: z.string().min(1).max(64).describe('The workflow to run'),
    input: z.unknown().optional().describe('Its input; defaults to this step’s input'),
  }),
  async execute(config, input, ctx) {
    const state = ctx.resumeState as { childRunId?: string; result?: { status: string; output: unknown; error: unknown } } | null;
    if (state?.result) {
      if (state.result.status !== 'succeeded') {
        throw new AppError('SUBWORKFLOW_FAILED', {
          status: 400,
          userMessage: `The sub-workflow run ${state.childRunId} ended ${state.result.status}.`,
          details: { childRunId: state.childRunId, error: state.result.error },
          retryable: false,
        });
      }
      return { kind: 'done', output: state.result.output };
    }
    const childRunId = await ctx.startChild(config.workflowId, config.input === undefined ? input : config.input);
    return { kind: 'wait', until: null, state: { childRunId } };
  },
});
