import type { RateLimit } from './rate-limit.domain.ts';

/**
 * Pure rules for stored credentials: what the API shows (secret fields masked), what the audit
 * log records (names, type and which fields are set — never a value), and how an update merges.
 */

export type FieldValues = Record<string, unknown>;

/** A secret field as the API shows it. */
export interface SecretMark {
  set: boolean;
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Field values for display: secret fields become `{ set: true | false }`, the others are shown as stored. */
export function maskFields(values: FieldValues, secretFields: readonly string[], allFields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of allFields) {
    const value = values[field];
    out[field] = secretFields.includes(field) ? ({ set: isSet(value) } satisfies SecretMark) : (value ?? null);
  }
  return out;
}

/** Names of the fields that hold a value, sorted. */
export function fieldsSet(values: FieldValues): string[] {
  return Object.keys(values)
    .filter((k) => isSet(values[k]))
    .sort();
}

/**
 * What an audit entry may say about a credential: its name, type, the names of the fields that
 * are set and its rate limit when it has one — never a field value.
 */
export function auditView(c: { name: string; type: string; values: FieldValues; rateLimit?: RateLimit | null }) {
  return { name: c.name, type: c.type, fieldsSet: fieldsSet(c.values), ...(c.rateLimit ? { rateLimit: c.rateLimit } : {}) };
}

/** Whether two rate limits (or their absence) differ. */
export function rateLimitChanged(before: RateLimit | null, after: RateLimit | null): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

/**
 * The values after an update: a field in `patch` replaces the stored one, `null` clears it, and
 * a field left out keeps its value — so a form can change the host without re-entering the
 * password it never received.
 */
export function mergeFields(stored: FieldValues, patch: Record<string, unknown>): FieldValues {
  const out: FieldValues = { ...stored };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Fields whose value differs between two versions (names only), sorted. */
export function changedFields(before: FieldValues, after: FieldValues): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}
