/** One exported audit event, flattened for CSV. */
export interface AuditEventView {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'occurredAt',
  'actorType',
  'actorId',
  'actorLabel',
  'action',
  'objectType',
  'objectId',
  'before',
  'after',
  'requestId',
  'ip',
] as const;

/**
 * RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. A leading
 * `= + - @` (or tab/CR) gets a `'` so spreadsheets do not run it as a formula.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
}

export function auditCsvRow(event: AuditEventView): string {
  return `${AUDIT_CSV_COLUMNS.map((c) => csvField(event[c])).join(',')}\r\n`;
}

/** Keys whose values differ between before and after (top level), for "what changed". */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
