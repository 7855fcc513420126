/** Shapes of the credentials API (docs/credentials.md; the server's zod schemas are the source). */
import type { JsonSchema } from './workflowTypes.ts';

export type RatePeriod = 'second' | 'minute' | 'hour';

export interface RateLimit {
  requests: number;
  per: RatePeriod;
  maxConcurrent: number | null;
}

export interface Credential {
  id: string;
  name: string;
  type: string;
  typeTitle: string;
  /** Secret fields come back as `{ set: boolean }`, never their value. */
  fields: Record<string, unknown>;
  rateLimit: RateLimit | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CredentialTypeInfo {
  key: string;
  title: string;
  secretFields: string[];
  schema: JsonSchema;
  /** The connector that defines it. */
  connectorTitle: string;
}

export interface CredentialTestResult {
  ok: boolean;
  code: string | null;
  message: string;
  durationMs: number;
}
