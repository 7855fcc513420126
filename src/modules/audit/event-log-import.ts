import { createReadStream } from 'node:fs';
import { importCsv } from './csv-import.ts';
import { type ImportOptions, type ImportResult, importError, quote } from './event-log-source.ts';
import { importXes } from './xes-import.ts';

export type EventLogFormat = 'csv' | 'xes';

/**
 * The format of a log file: by its name (`.xes`, `.xes.gz`, `.csv`, `.csv.gz`, `.tsv`, `.txt`),
 * else by its first bytes (`<` → XES). Anything else is `EVENT_LOG_FORMAT_UNKNOWN`.
 */
export async function detectFormat(file: string): Promise<EventLogFormat> {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes') || name.endsWith('.xml')) return 'xes';
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'csv';
  let head = '';
  try {
    for await (const chunk of createReadStream(file, { start: 0, end: 255, encoding: 'utf8' })) head += chunk;
  } catch {
    return 'csv'; // the importer reports the missing file
  }
  if (head.trimStart().startsWith('<')) return 'xes';
  throw importError('EVENT_LOG_FORMAT_UNKNOWN', `Cannot tell the format of ${quote(file)}: name it .xes, .xes.gz, .csv or .csv.gz.`, {
    field: 'file',
    value: file,
  });
}

/** Imports a CSV or XES event log (optionally gzipped), the format taken from the file ({@link detectFormat}). */
export async function importEventLog(file: string, options: ImportOptions & { format?: EventLogFormat } = {}): Promise<ImportResult> {
  const format = options.format ?? (await detectFormat(file));
  return format === 'xes' ? importXes(file, options) : importCsv(file, options);
}
