import type { Credential, RateLimit, RatePeriod } from '../api/credentialTypes.ts';

/** What the credential form edits. Secret fields start empty: an empty secret keeps the stored one. */
export interface CredentialFormValues {
  name: string;
  type: string;
  fields: Record<string, unknown>;
  secrets: Record<string, string>;
  limited: boolean;
  requests: number | string;
  per: RatePeriod;
  maxConcurrent: number | string;
}

const PERIOD_WORD: Record<RatePeriod, string> = { second: 'second', minute: 'minute', hour: 'hour' };

/** "10 per second · at most 2 at once", or "No limit". */
export function rateLimitLabel(limit: RateLimit | null): string {
  if (!limit) return 'No limit';
  const rate = `${limit.requests} per ${PERIOD_WORD[limit.per]}`;
  return limit.maxConcurrent !== null ? `${rate} · at most ${limit.maxConcurrent} at once` : rate;
}

/** The form's starting values: empty for a new credential, the stored ones (secrets masked) for an edit. */
export function initialValues(credential: Credential | null, secretFields: readonly string[]): CredentialFormValues {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(credential?.fields ?? {})) {
    if (!secretFields.includes(key) && value !== null) fields[key] = value;
  }
  const limit = credential?.rateLimit ?? null;
  return {
    name: credential?.name ?? '',
    type: credential?.type ?? '',
    fields,
    secrets: {},
    limited: limit !== null,
    requests: limit?.requests ?? 10,
    per: limit?.per ?? 'second',
    maxConcurrent: limit?.maxConcurrent ?? '',
  };
}

/** The rate limit the form describes, or null when it is switched off. Empty "at once" means no cap. */
export function rateLimitOf(values: Pick<CredentialFormValues, 'limited' | 'requests' | 'per' | 'maxConcurrent'>): RateLimit | null {
  if (!values.limited) return null;
  const concurrent = values.maxConcurrent === '' ? null : Number(values.maxConcurrent);
  return { requests: Number(values.requests), per: values.per, maxConcurrent: concurrent };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The request body: everything for a new credential; for an edit only what changed — changed
 * fields, secrets that were typed in (an empty one keeps the stored value), cleared fields as
 * null, and the rate limit when it differs.
 */
export function credentialPayload(values: CredentialFormValues, original: Credential | null, secretFields: readonly string[]) {
  const secrets = Object.fromEntries(Object.entries(values.secrets).filter(([, v]) => v !== ''));
  const rateLimit = rateLimitOf(values);
  if (!original) return { name: values.name.trim(), type: values.type, fields: { ...values.fields, ...secrets }, rateLimit };
  const fields: Record<string, unknown> = { ...secrets };
  for (const [key, value] of Object.entries(values.fields)) if (!sameJson(value, original.fields[key])) fields[key] = value;
  for (const [key, stored] of Object.entries(original.fields)) {
    if (!secretFields.includes(key) && stored !== null && !(key in values.fields)) fields[key] = null;
  }
  const patch: { name?: string; fields?: Record<string, unknown>; rateLimit?: RateLimit | null } = {};
  if (values.name.trim() !== original.name) patch.name = values.name.trim();
  if (Object.keys(fields).length > 0) patch.fields = fields;
  if (!sameJson(rateLimit, original.rateLimit)) patch.rateLimit = rateLimit;
  return patch;
}

/** What "Test" sends before saving: the type and the fields as typed (secrets only when typed in). */
export function testBody(values: Pick<CredentialFormValues, 'type' | 'fields' | 'secrets'>) {
  const secrets = Object.fromEntries(Object.entries(values.secrets).filter(([, v]) => v !== ''));
  return { type: values.type, fields: { ...values.fields, ...secrets } };
}
