import Papa from 'papaparse';
import { AppError } from '../../platform/errors.ts';

export interface ParseCsvOptions {
  /** The first non-empty line names the columns; rows become objects. */
  header: boolean;
  /** `auto` detects among , ; tab | */
  delimiter: 'auto' | ',' | ';' | '\t' | '|';
  skipEmptyLines: boolean;
  /** Numbers and true/false become JSON numbers and booleans; empty cells null. */
  typed: boolean;
  /** A row with a different number of fields than the header is an error (else it is padded or cut). */
  strict: boolean;
}

export interface ParsedCsv {
  columns: string[];
  rows: (Record<string, unknown> | unknown[])[];
  delimiter: string;
}

const csvInvalid = (line: number, message: string) =>
  new AppError('CSV_INVALID', {
    status: 400,
    userMessage: `CSV line ${line}: ${message}`,
    details: { line, message },
    retryable: false,
  });

/** Line number (1-based) of a character offset. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The delimiter among , ; tab | that splits the first lines into equal field counts (`,` when none does). */
export function detectDelimiter(text: string): string {
  const sample = Papa.parse<string[]>(text, { preview: 20, delimiter: '', delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: true });
  return sample.meta.delimiter || ',';
}

/** A cell as JSON: `12` → 12, `-1.5` → -1.5, `true` → true, `` → null; anything else stays text. */
export function typedCell(value: string): unknown {
  if (value === '') return null;
  if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

/** Header names made unique and non-empty: `a, a, ""` → `a, a_2, column_3`. */
export function uniqueColumns(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const base = raw.trim() || `column_${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/**
 * Parses CSV text (RFC 4180 quoting, BOM stripped). Every problem names its line: unclosed
 * quotes, and (when `strict`) rows whose field count differs from the header's.
 */
export function parseCsv(text: string, options: ParseCsvOptions): ParsedCsv {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineOf = lineCounter(source);
  const raw: { values: string[]; line: number }[] = [];
  let cursor = 0;
  const failures: AppError[] = [];
  const delimiter = options.delimiter === 'auto' ? detectDelimiter(source) : options.delimiter;
  Papa.parse<string[]>(source, {
    header: false,
    delimiter,
    skipEmptyLines: false,
    step(step, parser) {
      const line = lineOf(cursor);
      cursor = step.meta.cursor;
      const quoteError = step.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        failures.push(csvInvalid(line, 'a quoted field is not closed (a " is missing)'));
        parser.abort();
        return;
      }
      raw.push({ values: step.data, line });
    },
  });
  if (failures[0]) throw failures[0];
  const isEmpty = (r: { values: string[] }) => r.values.length === 0 || (r.values.length === 1 && r.values[0] === '');
  // A trailing newline yields one empty last row; it is not data.
  if (raw.length > 0 && isEmpty(raw[raw.length - 1] as { values: string[] })) raw.pop();
  const records = options.skipEmptyLines ? raw.filter((r) => !isEmpty(r)) : raw;
  const cell = (v: string | undefined) => (options.typed ? typedCell(v ?? '') : (v ?? ''));

  if (!options.header) {
    const width = records.reduce((w, r) => Math.max(w, r.values.length), 0);
    return { columns: Array.from({ length: width }, (_, i) => `column_${i + 1}`), rows: records.map((r) => r.values.map(cell)), delimiter };
  }
  const [head, ...body] = records;
  if (!head) return { columns: [], rows: [], delimiter };
  const columns = uniqueColumns(head.values);
  const rows = body.map((r) => {
    if (options.strict && r.values.length !== columns.length) {
      throw csvInvalid(r.line, `${r.values.length} field(s), but the header (line ${head.line}) has ${columns.length}`);
    }
    const row: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      row[c] = cell(r.values[i]);
    });
    return row;
  });
  return { columns, rows, delimiter };
}

export interface BuildCsvOptions {
  columns?: string[] | undefined;
  header: boolean;
  delimiter: string;
  newline: '\n' | '\r\n';
  escapeFormulae: boolean;
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return String(v);
};

/** Rows (objects or arrays) as CSV text; objects' columns are `columns` or every key in first-seen order. */
export function buildCsv(rows: (Record<string, unknown> | unknown[])[], options: BuildCsvOptions): string {
  const objects = rows.filter((r): r is Record<string, unknown> => !Array.isArray(r));
  let columns = options.columns;
  if (!columns && objects.length > 0) {
    const keys = new Set<string>();
    for (const r of objects) for (const k of Object.keys(r)) keys.add(k);
    columns = [...keys];
  }
  const data = rows.map((r) => (Array.isArray(r) ? r.map(cellText) : (columns ?? []).map((c) => cellText(r[c]))));
  const fields = options.header && columns ? columns : undefined;
  const text = Papa.unparse(fields ? { fields, data } : data, {
    delimiter: options.delimiter,
    newline: options.newline,
    header: options.header,
    escapeFormulae: options.escapeFormulae,
  });
  return text.length > 0 ? `${text}${options.newline}` : text;
}
