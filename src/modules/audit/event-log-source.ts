import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import type { EventLog } from './event-log.domain.ts';
import type { DateFormat } from './timestamps.domain.ts';

/** Options shared by the importers; column names apply to CSV, attribute keys to XES. */
export interface ImportOptions {
  /** CSV column of the case id (XES: the trace's `concept:name`). */
  caseColumn?: string;
  /** CSV column / XES event attribute of the activity (XES default `concept:name`). */
  activityColumn?: string;
  /** CSV column / XES event attribute of the (completion) timestamp (XES default `time:timestamp`). */
  timestampColumn?: string;
  /** CSV column / XES event attribute of the resource (XES default `org:resource`); optional. */
  resourceColumn?: string;
  /** CSV column of the start timestamp; optional. */
  startTimestampColumn?: string;
  /** CSV delimiter; detected when absent. */
  delimiter?: string;
  /** Timestamp format (CSV); detected from the first 1,000 values when absent. XES dates are ISO 8601. */
  dateFormat?: DateFormat;
  /** IANA time zone for timestamps without a UTC offset (default UTC). */
  timezone?: string;
  /** Called as the file is read: bytes read so far (of the file on disk, compressed or not) and its size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Events an importer dropped because case, activity or timestamp is empty (as PM4Py drops them), with where. */
export interface SkippedEvents {
  count: number;
  /** The first few, for the message. */
  examples: { line: number; reason: string }[];
}

export interface ImportResult {
  log: EventLog;
  format: 'csv' | 'xes';
  skipped: SkippedEvents;
  /** CSV: the delimiter and date format used (given or detected); `dateFormatAmbiguous` when D/M and M/D both fit. */
  delimiter?: string;
  dateFormat?: DateFormat;
  dateFormatAmbiguous?: boolean;
}

/** Records a skipped event, keeping the first five examples. */
export function skip(skipped: SkippedEvents, line: number, reason: string): void {
  skipped.count += 1;
  if (skipped.examples.length < 5) skipped.examples.push({ line, reason });
}

/** An import error: 400, expected, with where it happened in `details`. */
export function importError(
  code: ErrorCode,
  userMessage: string,
  details: { line?: number; column?: number; field?: string; value?: string; [k: string]: unknown },
  cause?: unknown,
): AppError {
  return new AppError(code, { status: 400, userMessage, details, cause, expected: true });
}

/** Shortens a value quoted in an error message. */
export const quote = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** True when the file starts with the gzip magic bytes or is named `.gz`. */
function isGzip(file: string, head: Buffer): boolean {
  return file.toLowerCase().endsWith('.gz') || (head[0] === 0x1f && head[1] === 0x8b);
}

/** A file opened as text: the stream, and how to turn an error met while reading it into an AppError. */
export interface TextSource {
  text: Readable;
  /** zlib errors (corrupt or truncated gzip) → `EVENT_LOG_GZIP_INVALID`; other errors unchanged. */
  mapError(error: unknown): unknown;
}

/**
 * Opens a file as a stream of text (UTF-8), gunzipping `.gz` files on the fly, reporting the bytes
 * read from disk. A missing file fails with `FILE_NOT_FOUND`.
 */
export async function openText(file: string, onProgress?: ImportOptions['onProgress']): Promise<TextSource> {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw new AppError('FILE_NOT_FOUND', { status: 404, userMessage: `No such file: ${file}`, details: { file }, cause: error });
  }
  const head = Buffer.alloc(2);
  for await (const chunk of createReadStream(file, { start: 0, end: 1 })) (chunk as Buffer).copy(head);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  let read = 0;
  raw.on('data', (chunk) => {
    read += chunk.length;
    onProgress?.(read, size);
  });
  if (!isGzip(file, head)) {
    raw.setEncoding('utf8');
    return { text: raw, mapError: (error) => error };
  }
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  gunzip.setEncoding('utf8');
  const mapError = (error: unknown): unknown => {
    const code = (error as { code?: string } | null)?.code;
    if (typeof code !== 'string' || !code.startsWith('Z_')) return error;
    const message = (error as Error).message;
    return importError(
      'EVENT_LOG_GZIP_INVALID',
      /unexpected end/i.test(message)
        ? `The gzip file is truncated: it ends before the compressed data does (${read} bytes read).`
        : `The file is not a valid gzip stream: ${message}.`,
      { bytesRead: read, totalBytes: size },
      error,
    );
  };
  return { text: gunzip, mapError };
}
