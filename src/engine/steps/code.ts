import { z } from 'zod';
import type { CodeSandbox } from '../sandbox/code-sandbox.ts';
import { defineStepType } from './step-type.ts';

/** The JavaScript code step, bound to a sandbox (QuickJS in worker threads). */
export function codeStep(sandbox: CodeSandbox) {
  return defineStepType({
    type: 'code.javascript',
    title: 'JavaScript',
    description:
      'Runs JavaScript in a sandbox (QuickJS in a worker thread): `input` is the step input, `return` gives the output. No network, files, timers or secrets; a deadline and a memory limit.',
    category: 'code',
    pure: true,
    rawFields: ['code'],
    config: z.object({
      code: z.string().min(1).max(200_000).describe('Function body; `input` holds the step input'),
      timeoutMs: z.number().int().min(10).max(60_000).default(5000).describe('Deadline'),
    }),
    async execute(config, input, ctx) {
      const result = await sandbox.run(config.code, input, { timeoutMs: config.timeoutMs });
      for (const line of result.logs) ctx.log.info(line.message, { level: line.level });
      return { kind: 'done', output: result.output };
    },
  });
}
