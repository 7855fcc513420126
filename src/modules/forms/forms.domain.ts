import { createHash } from 'node:crypto';
import type { FormField } from '../tasks/task-form.domain.ts';

/** Bytes of randomness in a form token: 256 bits, base64url (43 characters). */
export const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The name of the honeypot input: hidden from people, filled in by form-filling bots. */
export const HONEYPOT_FIELD = 'website';

/** A new capability token from `random` (32 bytes). */
export function formTokenFrom(random: Uint8Array): string {
  if (random.length !== TOKEN_BYTES) throw new Error(`a form token needs ${TOKEN_BYTES} random bytes`);
  return Buffer.from(random).toString('base64url');
}

/** Whether a string can be a form token at all (others are refused without a lookup). */
export const looksLikeToken = (token: string): boolean => TOKEN_SHAPE.test(token);

/** What the database keeps to find a token: its SHA-256 (hex). A leaked table does not leak the links. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The public address of a form link: `<public URL>/f/<token>` (relative without a public URL). */
export const formUrl = (publicUrl: string | undefined, token: string): string => `${(publicUrl ?? '').replace(/\/+$/, '')}/f/${token}`;

/** True when the honeypot holds anything: a person never sees the input, so a bot filled it. */
export const isSpam = (honeypot: unknown): boolean => typeof honeypot === 'string' && honeypot.trim() !== '';

/**
 * The fields as the public page gets them: a `default` that is a template (`{{ … }}`) is
 * dropped, since a public form has no run data to fill it from.
 */
export function publicFields(fields: readonly FormField[]): FormField[] {
  return fields.map((f) => {
    if (typeof f.default === 'string' && f.default.includes('{{')) {
      const { default: _template, ...rest } = f;
      return rest as FormField;
    }
    return f;
  });
}

/** The file values in checked form data, by field (file fields only). */
export function fileValuesOf(
  fields: readonly FormField[],
  data: Record<string, unknown>,
): { field: string; fileId: string; name: string; size: number; contentType: string }[] {
  const out: { field: string; fileId: string; name: string; size: number; contentType: string }[] = [];
  for (const f of fields) {
    const v = data[f.key] as { fileId?: unknown; name?: unknown; size?: unknown; contentType?: unknown } | undefined;
    if (f.type !== 'file' || !v || typeof v.fileId !== 'string') continue;
    out.push({
      field: f.key,
      fileId: v.fileId,
      name: String(v.name ?? ''),
      size: Number(v.size ?? 0),
      contentType: String(v.contentType ?? 'application/octet-stream'),
    });
  }
  return out;
}
