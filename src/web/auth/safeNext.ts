/**
 * Where to go after sign-in: the `next` path if it stays on this site, else home. Rejects
 * `//host` and `/\host`, which browsers read as another site.
 */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
