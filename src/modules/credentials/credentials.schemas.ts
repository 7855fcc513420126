import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { MAX_CONCURRENT, MAX_RATE_REQUESTS, RATE_PERIODS } from './rate-limit.domain.ts';

export const idParam = z.object({ id: z.string().min(1).max(64).describe('Credential id') });

const name = z.string().trim().min(1, 'Required').max(120).describe('Name shown when choosing a credential in a step, unique');
const typeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'Not a credential type key')
  .describe('Credential type key from GET /api/v1/connectors, e.g. smtp');

export const rateLimitSchema = z
  .object({
    requests: z.number().int().min(1).max(MAX_RATE_REQUESTS).describe('Calls allowed in any window of the period'),
    per: z.enum(RATE_PERIODS).describe('The window: second, minute or hour'),
    maxConcurrent: z
      .number()
      .int()
      .min(1)
      .max(MAX_CONCURRENT)
      .nullable()
      .default(null)
      .describe('Calls in flight at once (null: only the rate counts)'),
  })
  .describe(
    'Rate limit shared by every step that uses the credential, across all workers: a step over the limit waits (durably, without using up a retry) until a call is allowed',
  );

export const credentialSchema = z
  .object({
    id: z.string().describe('Credential id'),
    name: z.string().describe('Name'),
    type: z.string().describe('Credential type key'),
    typeTitle: z.string().describe('Credential type title'),
    fields: z.record(z.string(), z.unknown()).describe('Field values; secret fields are never returned, only { "set": true | false }'),
    rateLimit: rateLimitSchema.nullable().describe('Rate limit of the steps using it; null: none'),
    createdBy: z.string().nullable().describe('User who created it'),
    createdAt: z.string().describe('Creation time, ISO 8601'),
    updatedAt: z.string().describe('Last change, ISO 8601'),
  })
  .describe('A stored connector credential (encrypted at rest)');
export type CredentialView = z.infer<typeof credentialSchema>;

export const listCredentialsQuery = z.object({
  q: z.string().trim().max(120).optional().describe('Matches the name'),
  type: typeKey.optional(),
  ...pageQuery,
});

export const createCredentialBody = z.object({
  name,
  type: typeKey,
  fields: z.record(z.string(), z.unknown()).describe("The credential's fields, as its type's schema describes them"),
  rateLimit: rateLimitSchema.nullable().optional().describe('Rate limit of the steps using it (none when omitted)'),
});

export const updateCredentialBody = z
  .object({
    name: name.optional(),
    fields: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Fields to change; a field left out keeps its value (secrets too), null clears it'),
    rateLimit: rateLimitSchema.nullable().optional().describe('New rate limit; null removes it, left out keeps it'),
  })
  .refine((v) => v.name !== undefined || v.fields !== undefined || v.rateLimit !== undefined, 'Send name, fields or rateLimit');

export const testValuesBody = z.object({
  type: typeKey,
  fields: z.record(z.string(), z.unknown()).describe('Field values to try, before saving'),
});

export const testResultSchema = z
  .object({
    ok: z.boolean().describe('The credential works'),
    code: z.string().nullable().describe('Error code when it does not (docs/errors.md)'),
    message: z.string().describe('What happened, for people'),
    durationMs: z.number().int().describe('How long the test took'),
  })
  .describe('Result of trying a credential against its service');
export type TestResult = z.infer<typeof testResultSchema>;

const jsonSchema = z.record(z.string(), z.unknown());
const credentialRef = z
  .object({ type: z.string().describe('Credential type key'), required: z.boolean().describe('A step must name one') })
  .nullable()
  .describe('The credential the step uses, if any');

export const connectorCatalogueSchema = z
  .array(
    z.object({
      key: z.string().describe('Connector key'),
      title: z.string().describe('Title'),
      description: z.string().describe('What it does'),
      credentialTypes: z
        .array(
          z.object({
            key: z.string().describe('Credential type key'),
            title: z.string().describe('Title'),
            secretFields: z.array(z.string()).describe('Fields never returned by the API'),
            schema: jsonSchema.describe('JSON Schema of the fields (secret ones writeOnly)'),
          }),
        )
        .describe('Credential types the connector defines'),
      actions: z
        .array(
          z.object({
            key: z.string().describe('Action key'),
            nodeType: z.string().describe('Node type in workflow definitions, connector.<connector>.<action>'),
            title: z.string().describe('Title'),
            description: z.string().describe('What it does'),
            credential: credentialRef,
            inputSchema: jsonSchema.describe('JSON Schema of the step config'),
            outputSchema: jsonSchema.describe('JSON Schema of the step output'),
          }),
        )
        .describe('Actions (steps)'),
      triggers: z
        .array(
          z.object({
            key: z.string().describe('Trigger key'),
            nodeType: z.string().describe('Node type in workflow definitions, trigger.<connector>.<trigger>'),
            title: z.string().describe('Title'),
            description: z.string().describe('What starts a run'),
            credential: credentialRef,
            configSchema: jsonSchema.describe('JSON Schema of the trigger config'),
          }),
        )
        .describe('Polling triggers'),
    }),
  )
  .describe('Every installed connector');
