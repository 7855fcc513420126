import { AppError } from '../../platform/errors.ts';
import { EventLogBuilder } from './event-log.domain.ts';
import { type ImportOptions, type ImportResult, importError, openText, quote, type SkippedEvents, skip } from './event-log-source.ts';
import { naiveToUtc, timestampParser } from './timestamps.domain.ts';
import { XesScanner, XesSyntaxError } from './xes-scanner.domain.ts';

interface PendingEvent {
  activity: string | null;
  time: number;
  resource: string | null;
  line: number;
}

/**
 * Reads an XES file (or `.xes.gz`) into an event log, streaming: the file is never held in memory
 * as a whole, nor as a document. Case id = the trace's `concept:name` (traces with the same name
 * form one case; a trace without one is named `trace <n>`); activity, timestamp and resource are
 * the event attributes named by the options (default `concept:name`, `time:timestamp`,
 * `org:resource`). Events without an activity or a timestamp are skipped and counted (PM4Py drops
 * them too); a timestamp that is not ISO 8601 is an error.
 */
export async function importXes(file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const activityKey = options.activityColumn ?? 'concept:name';
  const timestampKey = options.timestampColumn ?? 'time:timestamp';
  const resourceKey = options.resourceColumn ?? 'org:resource';
  const zone = options.timezone ?? 'UTC';
  try {
    naiveToUtc(zone);
  } catch (error) {
    throw importError(
      'EVENT_LOG_OPTION_INVALID',
      `Unknown time zone ${quote(zone)} (use an IANA name such as Europe/Paris).`,
      { field: 'timezone', value: zone },
      error,
    );
  }
  const parse = timestampParser('iso', zone);
  const builder = new EventLogBuilder();
  const skipped: SkippedEvents = { count: 0, examples: [] };
  let traces = 0;
  let caseId: string | null = null;
  let pending: PendingEvent[] = [];
  let current: PendingEvent | null = null;
  let inTrace = false;
  let traceAttributes: [string, string][] = [];

  const scanner = new XesScanner({
    traceStart() {
      traces += 1;
      caseId = null;
      pending = [];
      traceAttributes = [];
      inTrace = true;
    },
    traceEnd() {
      const id = caseId ?? `trace ${traces}`;
      for (const e of pending) {
        if (e.activity === null) skip(skipped, e.line, `no ${activityKey}`);
        else if (Number.isNaN(e.time)) skip(skipped, e.line, `no ${timestampKey}`);
        else builder.add(id, e.activity, e.time, e.resource);
      }
      if (builder.events > 0) for (const [key, value] of traceAttributes) builder.setCaseAttribute(id, key, value);
      pending = [];
      inTrace = false;
    },
    eventStart(line) {
      current = { activity: null, time: Number.NaN, resource: null, line };
    },
    eventEnd() {
      if (!current) return;
      if (!inTrace) skip(skipped, current.line, 'event outside a trace');
      else pending.push(current);
      current = null;
    },
    attribute(scope, _type, key, value, line, column) {
      if (scope === 'trace') {
        if (key === 'concept:name') caseId = value;
        else traceAttributes.push([key, value]);
        return;
      }
      if (scope !== 'event' || !current) return;
      if (key === activityKey) current.activity = value;
      else if (key === resourceKey) current.resource = value;
      else if (key === timestampKey) {
        const t = parse(value);
        if (Number.isNaN(t)) {
          throw importError(
            'EVENT_LOG_TIMESTAMP_INVALID',
            `Line ${line}, column ${column}: ${timestampKey} ${quote(value)} is not an ISO 8601 date-time.`,
            { line, column, field: timestampKey, value },
          );
        }
        current.time = t;
      }
    },
  });
  const source = await openText(file, options.onProgress);
  let blank = true;
  try {
    for await (const chunk of source.text) {
      if (blank && (chunk as string).trim().replace(/^\ufeff/, '') !== '') blank = false;
      scanner.write(chunk as string);
    }
    if (blank) throw new AppError('EVENT_LOG_EMPTY', { status: 400, userMessage: 'The file is empty.', expected: true });
    scanner.end();
  } catch (error) {
    source.text.destroy();
    const mapped = source.mapError(error);
    if (mapped instanceof XesSyntaxError) {
      throw importError(
        'EVENT_LOG_XML_MALFORMED',
        `Malformed XES at line ${mapped.line}, column ${mapped.column}: ${mapped.reason}.`,
        { line: mapped.line, column: mapped.column },
        mapped,
      );
    }
    throw mapped;
  }
  if (builder.events === 0) {
    throw new AppError('EVENT_LOG_EMPTY', {
      status: 400,
      userMessage:
        skipped.count > 0
          ? `The log has no usable events: all ${skipped.count} lack an activity or a timestamp (first: line ${skipped.examples[0]?.line}, ${skipped.examples[0]?.reason}).`
          : 'The log has no events.',
      details: { skipped },
      expected: true,
    });
  }
  return { log: builder.build(), format: 'xes', skipped };
}
