/**
 * Security headers on every response, computed once (a middleware that rebuilds them per
 * request cost ~4% of a small authenticated GET). Scripts only from this origin, no framing,
 * no MIME sniffing, no referrer leaks, cross-origin isolation of the window.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets inline style attributes; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

/** Strict-Transport-Security, only sent on HTTPS requests. */
export const HSTS = 'max-age=15552000; includeSubDomains';
