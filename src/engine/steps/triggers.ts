import { z } from 'zod';
import { defineStepType } from './step-type.ts';

const passThrough = async (_config: unknown, input: unknown) => ({ kind: 'done' as const, output: input });

export const manualTrigger = defineStepType({
  type: 'trigger.manual',
  title: 'Manual start',
  description: 'Started by a person (Run button, CLI or API) with optional input data.',
  category: 'trigger',
  pure: true,
  config: z.object({
    sampleInput: z.unknown().optional().describe('Example input offered when testing the workflow'),
  }),
  execute: passThrough,
});

export const webhookTrigger = defineStepType({
  type: 'trigger.webhook',
  title: 'Webhook',
  description: 'Started by an HTTP request to /webhooks/<path>. Output: { body, headers, query, method }.',
  category: 'trigger',
  pure: true,
  rawFields: ['idempotencyExpression'],
  config: z.object({
    path: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{2,100}$/, 'Use 3–101 lower-case letters, digits, - and _')
      .describe('The URL path after /webhooks/; treat it as a secret if the hook is not signed'),
    methods: z
      .array(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']))
      .min(1)
      .default(['POST'])
      .describe('HTTP methods accepted'),
    mode: z
      .enum(['sync', 'async'])
      .default('async')
      .describe('sync: answer with the Respond step (or the last output); async: answer 202 once the run is recorded'),
    idempotencyHeader: z
      .string()
      .max(100)
      .optional()
      .describe('Request header whose value de-duplicates deliveries (e.g. Idempotency-Key)'),
    idempotencyExpression: z.string().max(2000).optional().describe('JSONata over { body, headers, query } giving a de-duplication key'),
    signature: z
      .object({
        header: z.string().min(1).max(100).describe('Header carrying the signature, e.g. X-Signature-256'),
        secret: z.string().min(8).max(500).describe('Shared secret'),
        prefix: z.string().max(20).default('').describe('Text before the hex digest, e.g. "sha256="'),
      })
      .optional()
      .describe('Refuse requests whose HMAC-SHA256 of the raw body does not match'),
    timeoutMs: z.number().int().min(100).max(120_000).default(30_000).describe('sync mode: longest wait for the answer'),
  }),
  execute: passThrough,
});

export const scheduleTrigger = defineStepType({
  type: 'trigger.schedule',
  title: 'Schedule',
  description: 'Started on a cron schedule in a time zone. Output: { scheduledAt, firedAt }.',
  category: 'trigger',
  pure: true,
  config: z.object({
    cron: z.string().min(9).max(200).describe('Cron expression (5 or 6 fields), e.g. "0 7 * * 1-5"'),
    timezone: z.string().min(1).max(64).default('UTC').describe('IANA time zone, e.g. Europe/Berlin'),
  }),
  execute: passThrough,
});
