import Papa from 'papaparse';
import { AppError } from '../../platform/errors.ts';
import { EventLogBuilder } from './event-log.domain.ts';
import { type ImportOptions, type ImportResult, importError, openText, quote, type SkippedEvents, skip } from './event-log-source.ts';
import { type DateFormat, detectDateFormat, naiveToUtc, timestampParser } from './timestamps.domain.ts';

/** Column names tried, in order (case-insensitive), when a column is not mapped explicitly. */
export const COLUMN_CANDIDATES = {
  case: ['case:concept:name', 'case_id', 'caseid', 'case id', 'case'],
  activity: ['concept:name', 'activity', 'activity_name', 'activity name', 'event'],
  timestamp: ['time:timestamp', 'timestamp', 'complete timestamp', 'end_timestamp', 'end time', 'time'],
  resource: ['org:resource', 'resource', 'user', 'performer'],
} as const;

const SAMPLE_ROWS = 1000;

interface Columns {
  case: number;
  activity: number;
  timestamp: number;
  resource: number;
  start: number;
}

/** Finds the mapped columns in the header; a missing one is `EVENT_LOG_COLUMN_MISSING` naming the columns there are. */
function mapColumns(header: string[], options: ImportOptions): Columns {
  const lower = header.map((h) => h.trim().toLowerCase());
  const find = (what: string, flag: string, given: string | undefined, candidates: readonly string[], required: boolean): number => {
    if (given !== undefined) {
      const i = header.indexOf(given) >= 0 ? header.indexOf(given) : lower.indexOf(given.trim().toLowerCase());
      if (i < 0) {
        throw importError(
          'EVENT_LOG_COLUMN_MISSING',
          `Line 1: the header has no column ${quote(given)} for the ${what} (${flag}). Columns: ${header.map((h) => quote(h)).join(', ')}.`,
          { line: 1, field: given, columns: header },
        );
      }
      return i;
    }
    for (const c of candidates) {
      const i = lower.indexOf(c);
      if (i >= 0) return i;
    }
    if (!required) return -1;
    throw importError(
      'EVENT_LOG_COLUMN_MISSING',
      `Line 1: no ${what} column found (tried ${candidates.map((c) => quote(c)).join(', ')}); name it with ${flag}. Columns: ${header.map((h) => quote(h)).join(', ')}.`,
      { line: 1, field: what, columns: header },
    );
  };
  return {
    case: find('case id', '--case', options.caseColumn, COLUMN_CANDIDATES.case, true),
    activity: find('activity', '--activity', options.activityColumn, COLUMN_CANDIDATES.activity, true),
    timestamp: find('timestamp', '--timestamp', options.timestampColumn, COLUMN_CANDIDATES.timestamp, true),
    resource: find('resource', '--resource', options.resourceColumn, COLUMN_CANDIDATES.resource, false),
    start:
      options.startTimestampColumn === undefined
        ? -1
        : find('start timestamp', '--start-timestamp', options.startTimestampColumn, [], true),
  };
}

/**
 * Reads a CSV event log (or `.csv.gz`), streaming with papaparse. The first line is the header;
 * columns are mapped by the options or found by their usual names ({@link COLUMN_CANDIDATES});
 * the delimiter is detected (`,` `;` tab `|`) unless given; the date format is detected from the
 * first 1,000 timestamps unless given. Rows with an empty case, activity or timestamp are skipped
 * and counted (as PM4Py's `format_dataframe` drops them); a timestamp that does not fit the format
 * is an error naming the line, the column and the value.
 */
export async function importCsv(file: string, options: ImportOptions = {}): Promise<ImportResult> {
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
  const builder = new EventLogBuilder();
  const skipped: SkippedEvents = { count: 0, examples: [] };
  let header: string[] | null = null;
  let columns: Columns | null = null;
  let parse: ((text: string) => number) | null = null;
  let format: DateFormat | undefined = options.dateFormat;
  let ambiguous = false;
  let sample: { row: string[]; line: number }[] = [];
  let line = 0;
  let failure: unknown = null;
  let delimiter = options.delimiter;
  let caseAttributeColumns: [number, string][] = [];

  const addRow = (row: string[], at: number) => {
    const cols = columns as Columns;
    if (row.length !== (header as string[]).length) {
      throw importError('EVENT_LOG_CSV_MALFORMED', `Line ${at}: ${row.length} fields, but the header has ${(header as string[]).length}.`, {
        line: at,
        fields: row.length,
        expected: (header as string[]).length,
      });
    }
    const caseId = row[cols.case] as string;
    const activity = row[cols.activity] as string;
    const stamp = (row[cols.timestamp] as string).trim();
    if (caseId === '' || activity === '' || stamp === '') {
      skip(skipped, at, caseId === '' ? 'empty case id' : activity === '' ? 'empty activity' : 'empty timestamp');
      return;
    }
    const time = (parse as (t: string) => number)(stamp);
    if (Number.isNaN(time)) throw badTimestamp(at, header as string[], cols.timestamp, stamp, format as DateFormat);
    let start: number | undefined;
    if (cols.start >= 0 && (row[cols.start] as string).trim() !== '') {
      start = (parse as (t: string) => number)(row[cols.start] as string);
      if (Number.isNaN(start)) throw badTimestamp(at, header as string[], cols.start, row[cols.start] as string, format as DateFormat);
    }
    const resource = cols.resource >= 0 && row[cols.resource] !== '' ? (row[cols.resource] as string) : null;
    builder.add(caseId, activity, time, resource, start);
    for (const [index, name] of caseAttributeColumns) builder.setCaseAttribute(caseId, name, (row[index] as string).trim());
  };

  const flushSample = () => {
    if (!format) {
      const cols = columns as Columns;
      const detected = detectDateFormat(sample.map((s) => s.row[cols.timestamp] ?? ''));
      if (!detected) {
        const first = sample.find((s) => (s.row[cols.timestamp] ?? '').trim() !== '');
        throw importError(
          'EVENT_LOG_TIMESTAMP_INVALID',
          first
            ? `Line ${first.line}: cannot tell the date format of column ${quote((header as string[])[cols.timestamp] as string)} (value ${quote(first.row[cols.timestamp] as string)}); give it with --date-format (iso, DD/MM/YYYY, MM/DD/YYYY, epoch, epoch_ms).`
            : 'The timestamp column is empty in every row.',
          { line: first?.line, field: (header as string[])[cols.timestamp], value: first?.row[cols.timestamp] },
        );
      }
      format = detected.format;
      ambiguous = detected.ambiguous;
    }
    parse = timestampParser(format, zone);
    for (const s of sample) addRow(s.row, s.line);
    sample = [];
  };

  const source = await openText(file, options.onProgress);
  await new Promise<void>((resolve) => {
    Papa.parse<string[]>(source.text, {
      delimiter: options.delimiter ?? '',
      delimitersToGuess: [',', ';', '\t', '|'],
      skipEmptyLines: false,
      step(results, parser) {
        if (failure) return;
        try {
          const row = results.data;
          line += 1;
          const at = line;
          if (row.length === 1 && row[0] === '') return;
          for (const field of row) if (field.includes('\n')) line += field.split('\n').length - 1;
          if (results.errors.length > 0) {
            const e = results.errors[0] as Papa.ParseError;
            throw importError('EVENT_LOG_CSV_MALFORMED', `Line ${at}: ${e.message}.`, { line: at, reason: e.code });
          }
          if (!header) {
            header = row;
            delimiter = results.meta.delimiter;
            columns = mapColumns(header, options);
            // Case attributes: the `case:` columns (the XES convention) other than the case id itself.
            const mapped = columns;
            caseAttributeColumns = header
              .map((name, index) => [index, name] as [number, string])
              .filter(([index, name]) => name.startsWith('case:') && index !== mapped.case)
              .map(([index, name]) => [index, name.slice(5)] as [number, string]);
            return;
          }
          if (!parse) {
            sample.push({ row, line: at });
            if (sample.length >= SAMPLE_ROWS) flushSample();
            return;
          }
          addRow(row, at);
        } catch (error) {
          failure = error;
          parser.abort();
        }
      },
      complete() {
        resolve();
      },
      error(error) {
        failure ??= error;
        resolve();
      },
    });
    source.text.on('error', (error) => {
      failure ??= error;
      resolve();
    });
  });
  if (!failure && header && !parse && sample.length > 0) {
    try {
      flushSample();
    } catch (error) {
      failure = error;
    }
  }
  if (failure) {
    source.text.destroy();
    throw source.mapError(failure);
  }
  if (!header)
    throw new AppError('EVENT_LOG_EMPTY', { status: 400, userMessage: 'The file is empty: no header, no events.', expected: true });
  if (builder.events === 0) {
    throw new AppError('EVENT_LOG_EMPTY', {
      status: 400,
      userMessage:
        skipped.count > 0
          ? `The log has no usable events: all ${skipped.count} rows lack a case, activity or timestamp (first: line ${skipped.examples[0]?.line}, ${skipped.examples[0]?.reason}).`
          : 'The log has a header but no events.',
      details: { skipped },
      expected: true,
    });
  }
  return { log: builder.build(), format: 'csv', skipped, delimiter, dateFormat: format, dateFormatAmbiguous: ambiguous };
}

function badTimestamp(line: number, header: string[], column: number, value: string, format: DateFormat): AppError {
  const field = header[column] as string;
  return importError(
    'EVENT_LOG_TIMESTAMP_INVALID',
    `Line ${line}, column ${quote(field)}: ${quote(value)} does not fit the date format ${format} (set --date-format if the column uses another).`,
    { line, column: column + 1, field, value, format },
  );
}
