/**
 * The columnar event log every process-audit computation works on.
 *
 * One row per event, stored column by column in typed arrays, grouped by case and sorted inside
 * each case. Activity, resource and case names are interned: a column holds small integers that
 * index `activities`, `resources` and `caseIds`. 5 million events take about 100 MB
 * (4 + 8 + 4 bytes per event, plus 8 with start timestamps) instead of the gigabytes an array of
 * event objects needs.
 *
 * Ordering (the conventions of the mining oracle, `../shared/oracles/mining/README.md`):
 * - cases keep the order in which their first event appears in the file;
 * - inside a case, events are sorted by a **stable** sort on the timestamp, so events with equal
 *   timestamps keep their file order.
 */
export interface EventLog {
  /** Distinct activity labels; `activity[e]` indexes this. */
  readonly activities: readonly string[];
  /** Distinct resources; `resource[e]` indexes this, -1 when the event has none. */
  readonly resources: readonly string[];
  /** Case identifiers in order of first appearance; case `c` holds events `caseStart[c]` … `caseStart[c + 1] - 1`. */
  readonly caseIds: readonly string[];
  /** Offsets of each case's first event, length `caseIds.length + 1` (the last entry is the number of events). */
  readonly caseStart: Uint32Array;
  readonly activity: Uint32Array;
  /** Event (completion) time, milliseconds since the Unix epoch, UTC. */
  readonly time: Float64Array;
  readonly resource: Int32Array;
  /** Start time of each event (ms, UTC; NaN where unknown), or null when the log has no start timestamps. */
  readonly startTime: Float64Array | null;
  /**
   * Case attributes (XES trace attributes, CSV `case:` columns): name → one value per case in
   * `caseIds` order ('' where a case has none). Absent when the log has none.
   */
  readonly caseAttributes?: Readonly<Record<string, readonly string[]>>;
}

/** Number of events of a log. */
export const eventCount = (log: EventLog): number => log.activity.length;

/** Number of cases of a log. */
export const caseCount = (log: EventLog): number => log.caseIds.length;

/** Interns strings to dense integer ids. */
class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  private lastValue: string | null = null;
  private lastId = -1;

  id(value: string): number {
    // Consecutive events often repeat a value (the case of an XES trace, a CSV sorted by case).
    if (value === this.lastValue) return this.lastId;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    this.lastValue = value;
    this.lastId = id;
    return id;
  }
}

function grown<T extends Uint32Array | Int32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Collects events in file order (any case order) and builds the sorted, columnar {@link EventLog}.
 * Importers (CSV, XES), the database loader and the run-history adapter all feed one.
 *
 * @example
 * const b = new EventLogBuilder();
 * b.add('case-1', 'register', Date.parse('2026-01-01T10:00:00Z'), 'Pete');
 * b.add('case-1', 'decide', Date.parse('2026-01-02T10:00:00Z'), null);
 * const log = b.build();
 */
export class EventLogBuilder {
  private readonly cases = new Interner();
  private readonly activities = new Interner();
  private readonly resources = new Interner();
  private caseOf = new Uint32Array(1024);
  private activityOf = new Uint32Array(1024);
  private timeOf = new Float64Array(1024);
  private resourceOf = new Int32Array(1024);
  private startOf: Float64Array | null = null;
  private size = 0;
  /** Case id → attribute name → value; resolved to columns in `build` (setting one never creates a case). */
  private readonly caseAttributes = new Map<string, Map<string, string>>();

  /** Number of events added so far. */
  get events(): number {
    return this.size;
  }

  /** Adds one event; `timeMs` is UTC milliseconds, `startTimeMs` the optional start time. */
  add(caseId: string, activity: string, timeMs: number, resource: string | null, startTimeMs?: number): void {
    const i = this.size;
    if (i === this.caseOf.length) {
      this.caseOf = grown(this.caseOf, i + 1);
      this.activityOf = grown(this.activityOf, i + 1);
      this.timeOf = grown(this.timeOf, i + 1);
      this.resourceOf = grown(this.resourceOf, i + 1);
      if (this.startOf) this.startOf = grown(this.startOf, i + 1);
    }
    this.caseOf[i] = this.cases.id(caseId);
    this.activityOf[i] = this.activities.id(activity);
    this.timeOf[i] = timeMs;
    this.resourceOf[i] = resource === null ? -1 : this.resources.id(resource);
    if (startTimeMs !== undefined && !Number.isNaN(startTimeMs)) {
      if (!this.startOf) {
        this.startOf = new Float64Array(this.caseOf.length);
        this.startOf.fill(Number.NaN, 0, i);
      }
      this.startOf[i] = startTimeMs;
    } else if (this.startOf) {
      this.startOf[i] = Number.NaN;
    }
    this.size = i + 1;
  }

  /** Records a case attribute (the first value given for a case and name is kept; empty values are ignored). */
  setCaseAttribute(caseId: string, name: string, value: string): void {
    if (value === '') return;
    let attributes = this.caseAttributes.get(caseId);
    if (!attributes) {
      attributes = new Map();
      this.caseAttributes.set(caseId, attributes);
    }
    if (!attributes.has(name)) attributes.set(name, value);
  }

  /** Groups events by case (cases in order of first appearance) and stable-sorts each case by time. */
  build(): EventLog {
    const n = this.size;
    const numCases = this.cases.values.length;
    const caseStart = new Uint32Array(numCases + 1);
    for (let i = 0; i < n; i++) {
      const c = (this.caseOf[i] as number) + 1;
      caseStart[c] = (caseStart[c] as number) + 1;
    }
    for (let c = 0; c < numCases; c++) caseStart[c + 1] = (caseStart[c + 1] as number) + (caseStart[c] as number);
    // Counting sort by case: stable, so file order survives inside each case.
    const order = new Uint32Array(n);
    const fill = caseStart.slice(0, numCases);
    for (let i = 0; i < n; i++) {
      const c = this.caseOf[i] as number;
      order[fill[c] as number] = i;
      fill[c] = (fill[c] as number) + 1;
    }
    for (let c = 0; c < numCases; c++) sortCaseByTime(order, caseStart[c] as number, caseStart[c + 1] as number, this.timeOf);
    const activity = new Uint32Array(n);
    const time = new Float64Array(n);
    const resource = new Int32Array(n);
    const startTime = this.startOf ? new Float64Array(n) : null;
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      activity[k] = this.activityOf[i] as number;
      time[k] = this.timeOf[i] as number;
      resource[k] = this.resourceOf[i] as number;
      if (startTime && this.startOf) startTime[k] = this.startOf[i] as number;
    }
    const log: EventLog = {
      activities: this.activities.values,
      resources: this.resources.values,
      caseIds: this.cases.values,
      caseStart,
      activity,
      time,
      resource,
      startTime,
    };
    if (this.caseAttributes.size === 0) return log;
    const names = new Set<string>();
    for (const attributes of this.caseAttributes.values()) for (const name of attributes.keys()) names.add(name);
    const caseAttributes: Record<string, string[]> = {};
    for (const name of [...names].sort())
      caseAttributes[name] = this.cases.values.map((id) => this.caseAttributes.get(id)?.get(name) ?? '');
    return { ...log, caseAttributes };
  }
}

/** Stable sort of `order[from, to)` by `time[order[k]]`; ties by file position (the index itself). */
function sortCaseByTime(order: Uint32Array, from: number, to: number, time: Float64Array): void {
  let sorted = true;
  for (let k = from + 1; k < to; k++) {
    if ((time[order[k] as number] as number) < (time[order[k - 1] as number] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  const slice = order.subarray(from, to);
  const copy = Array.from(slice).sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
  slice.set(copy);
}
