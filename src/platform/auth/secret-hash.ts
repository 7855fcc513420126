import { createHash } from 'node:crypto';

/** SHA-256 hex of a high-entropy secret (session cookies, API tokens). Not for passwords. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
