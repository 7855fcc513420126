import type { AuditEvent } from '../api/types.ts';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A readable name for an event's object, taken from its after (or before) value. */
export function objectLabel(e: AuditEvent): string {
  const raw = e.after ?? e.before;
  const v = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  if (e.objectType === 'role_assignment' && text(v.role)) {
    const scope = text(v.scopeName) ? ` (${v.scopeName})` : '';
    return `${v.role}${scope} for ${text(v.userName) ?? 'someone'}`;
  }
  const name = text(v.name) ?? text(v.email) ?? text(v.title) ?? text(v.key);
  if (name) return `${e.objectType} “${name}”`;
  const member = text(v.userName);
  if (member) return `${e.objectType} member “${member}”`;
  return e.objectId ? `${e.objectType} ${e.objectId}` : e.objectType;
}
