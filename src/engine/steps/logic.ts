import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { defineStepType } from './step-type.ts';

export const transformStep = defineStepType({
  type: 'logic.transform',
  title: 'Transform',
  description: 'Reshapes data with a JSONata expression evaluated against the step input.',
  category: 'logic',
  pure: true,
  rawFields: ['expression'],
  config: z.object({ expression: z.string().min(1).max(100_000).describe('JSONata expression; $trigger, $nodes, $item are bound') }),
  async execute(config, input, ctx) {
    const output = await ctx.expressions.evaluate(config.expression, input, ctx.bindings);
    return { kind: 'done', output: output === undefined ? null : output };
  },
});

export const ifStep = defineStepType({
  type: 'logic.if',
  title: 'If',
  description:
    'Routes by the conditions on its outgoing branch edges (every true branch is taken); a plain edge from it is the "otherwise" path. Passes its input on.',
  category: 'logic',
  pure: true,
  config: z.object({}),
  execute: async (_config, input) => ({ kind: 'done', output: input }),
});

export const switchStep = defineStepType({
  type: 'logic.switch',
  title: 'Switch',
  description: 'Like If, but only the first true branch edge (in definition order) is taken; a plain edge is the default.',
  category: 'logic',
  pure: true,
  config: z.object({}),
  execute: async (_config, input) => ({ kind: 'done', output: input }),
});

export const mergeStep = defineStepType({
  type: 'logic.merge',
  title: 'Merge (wait for all)',
  description: 'Waits for every live incoming path, then outputs their outputs by node id (or the one input when one path was live).',
  category: 'logic',
  pure: true,
  config: z.object({}),
  execute: async (_config, input) => ({ kind: 'done', output: input }),
});

export const stopStep = defineStepType({
  type: 'logic.stop',
  title: 'Stop with error',
  description: 'Ends the run as failed with a message (e.g. after validating input).',
  category: 'logic',
  pure: true,
  config: z.object({ message: z.string().min(1).max(2000).describe('Why the run stops; templates allowed') }),
  async execute(config) {
    throw new AppError('STEP_STOPPED', { status: 400, userMessage: config.message, retryable: false });
  },
});

export const noopStep = defineStepType({
  type: 'logic.noop',
  title: 'No operation',
  description: 'Passes its input on; useful as a label or a join point.',
  category: 'logic',
  pure: true,
  config: z.object({}),
  execute: async (_config, input) => ({ kind: 'done', output: input }),
});
