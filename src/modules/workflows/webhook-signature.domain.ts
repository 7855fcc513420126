import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether `header` carries the HMAC-SHA256 of `rawBody` under `secret`, hex-encoded after
 * `prefix` (GitHub style `sha256=<hex>`; Stripe-like schemes need their own check). Compared in
 * constant time.
 */
export function signatureMatches(rawBody: Buffer, secret: string, header: string | undefined, prefix: string): boolean {
  if (!header?.startsWith(prefix)) return false;
  const given = Buffer.from(header.slice(prefix.length).trim(), 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
