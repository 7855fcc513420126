/** Top-level keys whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): Set<string> {
  const a = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return new Set([...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])));
}
