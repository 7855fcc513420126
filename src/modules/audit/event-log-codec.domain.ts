import type { EventLog } from './event-log.domain.ts';

/** The stored columns of an event log: dictionaries as UTF-8 JSON arrays, numeric columns as raw typed-array bytes. */
export type EventLogColumnName =
  | 'activities'
  | 'resources'
  | 'case_ids'
  | 'case_start'
  | 'activity'
  | 'time'
  | 'resource'
  | 'start_time'
  | 'case_attributes';

/**
 * Encodes a log as named byte columns, one database row each (`event_log_columns`). Numeric
 * columns are the typed arrays' bytes in the platform's byte order (little-endian on every
 * platform Node supports today); `start_time` only when the log has start times.
 */
export function encodeEventLog(log: EventLog): { name: EventLogColumnName; data: Uint8Array }[] {
  const json = (values: readonly string[]) => new TextEncoder().encode(JSON.stringify(values));
  const bytes = (array: Uint32Array | Int32Array | Float64Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const columns: { name: EventLogColumnName; data: Uint8Array }[] = [
    { name: 'activities', data: json(log.activities) },
    { name: 'resources', data: json(log.resources) },
    { name: 'case_ids', data: json(log.caseIds) },
    { name: 'case_start', data: bytes(log.caseStart) },
    { name: 'activity', data: bytes(log.activity) },
    { name: 'time', data: bytes(log.time) },
    { name: 'resource', data: bytes(log.resource) },
  ];
  if (log.startTime) columns.push({ name: 'start_time', data: bytes(log.startTime) });
  // Case attributes as one JSON object { name: [value per case] }.
  if (log.caseAttributes) columns.push({ name: 'case_attributes', data: new TextEncoder().encode(JSON.stringify(log.caseAttributes)) });
  return columns;
}

/** Copies bytes into a fresh, aligned buffer and views it as the typed array. */
function view<T extends Uint32Array | Int32Array | Float64Array>(data: Uint8Array, make: (buffer: ArrayBuffer) => T): T {
  const copy = new ArrayBuffer(data.byteLength);
  new Uint8Array(copy).set(data);
  return make(copy);
}

/** Rebuilds a log from its columns; throws when a column is missing or the lengths disagree (a damaged row). */
export function decodeEventLog(columns: ReadonlyMap<string, Uint8Array>): EventLog {
  const need = (name: EventLogColumnName) => {
    const data = columns.get(name);
    if (!data) throw new Error(`event log column ${name} is missing`);
    return data;
  };
  const text = (name: EventLogColumnName) => JSON.parse(new TextDecoder().decode(need(name))) as string[];
  const start = columns.get('start_time');
  const attributes = columns.get('case_attributes');
  const log: EventLog = {
    activities: text('activities'),
    resources: text('resources'),
    caseIds: text('case_ids'),
    caseStart: view(need('case_start'), (b) => new Uint32Array(b)),
    activity: view(need('activity'), (b) => new Uint32Array(b)),
    time: view(need('time'), (b) => new Float64Array(b)),
    resource: view(need('resource'), (b) => new Int32Array(b)),
    startTime: start ? view(start, (b) => new Float64Array(b)) : null,
    ...(attributes ? { caseAttributes: JSON.parse(new TextDecoder().decode(attributes)) as Record<string, string[]> } : {}),
  };
  const n = log.activity.length;
  if (
    log.caseStart.length !== log.caseIds.length + 1 ||
    log.caseStart[log.caseIds.length] !== n ||
    log.time.length !== n ||
    log.resource.length !== n ||
    (log.startTime !== null && log.startTime.length !== n)
  ) {
    throw new Error('event log columns have inconsistent lengths');
  }
  return log;
}
