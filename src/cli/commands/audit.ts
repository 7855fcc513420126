import { statSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { type AuditStats, auditStats } from '../../modules/audit/audit-stats.domain.ts';
import type { EventLog } from '../../modules/audit/event-log.domain.ts';
import { importEventLog } from '../../modules/audit/event-log-import.ts';
import type { ImportOptions, ImportResult } from '../../modules/audit/event-log-source.ts';
import { heuristicsMiner } from '../../modules/audit/heuristics-miner.domain.ts';
import { analyseLog, type LogAnalysis } from '../../modules/audit/log-analysis.domain.ts';
import { parseDateFormat } from '../../modules/audit/timestamps.domain.ts';
import { AppError } from '../../platform/errors.ts';
import { printTable } from '../output.ts';

export interface AuditStatsOptions {
  case?: string;
  activity?: string;
  timestamp?: string;
  resource?: string;
  startTimestamp?: string;
  delimiter?: string;
  dateFormat?: string;
  timezone?: string;
  json?: boolean;
}

/** Files above this size get a progress bar (when stderr is a terminal). */
const PROGRESS_FROM_BYTES = 8 << 20;

const optionError = (field: string, value: string, userMessage: string) =>
  new AppError('EVENT_LOG_OPTION_INVALID', { status: 400, userMessage, details: { field, value }, expected: true });

/** Turns the command's flags into importer options (checking --delimiter and --date-format). */
export function importOptions(options: AuditStatsOptions): ImportOptions {
  const out: ImportOptions = {
    caseColumn: options.case,
    activityColumn: options.activity,
    timestampColumn: options.timestamp,
    resourceColumn: options.resource,
    startTimestampColumn: options.startTimestamp,
    timezone: options.timezone,
  };
  if (options.delimiter !== undefined) {
    const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
    const delimiter = named[options.delimiter.toLowerCase()] ?? options.delimiter;
    if (delimiter.length !== 1)
      throw optionError(
        'delimiter',
        options.delimiter,
        `--delimiter must be one character (or tab, comma, semicolon, pipe), got "${options.delimiter}".`,
      );
    out.delimiter = delimiter;
  }
  if (options.dateFormat !== undefined) {
    const format = parseDateFormat(options.dateFormat);
    if (!format) {
      throw optionError(
        'dateFormat',
        options.dateFormat,
        `--date-format "${options.dateFormat}" is not understood: use iso, DD/MM/YYYY HH:mm:ss, MM/DD/YYYY HH:mm:ss, epoch or epoch_ms.`,
      );
    }
    out.dateFormat = format;
  }
  return out;
}

/** Runs `work` with a progress bar on stderr for big files, when stderr is a terminal. */
export async function withProgress<T>(file: string, work: (onProgress?: ImportOptions['onProgress']) => Promise<T>): Promise<T> {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // the importer reports the missing file
  }
  if (!process.stderr.isTTY || size < PROGRESS_FROM_BYTES) return work();
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'reading {bar} {percentage}% | {mb} of {total_mb} MB', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
  bar.start(size, 0, { mb: '0', total_mb: mb(size) });
  try {
    return await work((read) => bar.update(read, { mb: mb(read) }));
  } finally {
    bar.stop();
  }
}

/** Warnings about an import on stderr: skipped events, ambiguous dates. */
export function warnAbout(result: Pick<ImportResult, 'skipped' | 'dateFormatAmbiguous'> | { skippedEvents: number }): void {
  if ('skipped' in result && result.skipped.count > 0) {
    const first = result.skipped.examples.map((e) => `line ${e.line}: ${e.reason}`).join('; ');
    process.stderr.write(`warning: skipped ${result.skipped.count} event(s) without case, activity or timestamp (${first})\n`);
  }
  if ('skippedEvents' in result && result.skippedEvents > 0) {
    process.stderr.write(`warning: skipped ${result.skippedEvents} event(s) without case, activity or timestamp\n`);
  }
  if ('dateFormatAmbiguous' in result && result.dateFormatAmbiguous) {
    process.stderr.write('warning: dates fit both DD/MM/YYYY and MM/DD/YYYY; read as DD/MM/YYYY (set --date-format to be sure)\n');
  }
}

/** `symbiont audit stats <file> [--case … --activity … --timestamp …] [--json]`. */
export async function auditStatsCommand(file: string, options: AuditStatsOptions): Promise<void> {
  const parsed = importOptions(options);
  const result = await withProgress(file, (onProgress) => importEventLog(file, { ...parsed, onProgress }));
  warnAbout(result);
  const source = `${result.format}${result.delimiter ? `, delimiter ${JSON.stringify(result.delimiter)}` : ''}${result.dateFormat ? `, dates ${result.dateFormat}` : ''}`;
  printStats(`${path.basename(file)} (${source})`, result.log, options.json === true);
}

/** Mines a log and prints its statistics: the oracle-shaped JSON, or the readable summary under `title`. */
export function printStats(title: string, log: EventLog, json: boolean): void {
  const analysis = analyseLog(log);
  const stats = auditStats(log, analysis);
  if (json) {
    process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return;
  }
  printSummary(title, log, analysis, stats);
}

/** Seconds as a short human duration: 45s, 12m, 3.5h, 4.2d. */
export function humanDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const abs = Math.abs(seconds);
  if (abs < 60) return `${Number(seconds.toFixed(1))}s`;
  if (abs < 3600) return `${Number((seconds / 60).toFixed(1))}m`;
  if (abs < 86400) return `${Number((seconds / 3600).toFixed(1))}h`;
  return `${Number((seconds / 86400).toFixed(1))}d`;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

function printSummary(title: string, log: EventLog, analysis: LogAnalysis, stats: AuditStats): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const names = log.activities;
  const d = stats.case_duration_seconds;
  const range = analysis.timeRange;
  out(title);
  out(
    `${stats.num_events} events, ${stats.num_cases} cases, ${stats.num_activities} activities, ${stats.num_variants} variants, ${stats.num_dfg_edges} directly-follows edges`,
  );
  if (range) out(`from ${new Date(range.from).toISOString()} to ${new Date(range.to).toISOString()}`);
  if (d) {
    out(
      `case duration: mean ${humanDuration(d.mean)}, median ${humanDuration(d.median)}, min ${humanDuration(d.min)}, max ${humanDuration(d.max)}; a case starts every ${humanDuration(stats.case_arrival_average_seconds)} on average`,
    );
  }
  out(
    `start: ${Object.entries(stats.start_activities)
      .map(([a, n]) => `${a} (${n})`)
      .join(', ')}`,
  );
  out(
    `end: ${Object.entries(stats.end_activities)
      .map(([a, n]) => `${a} (${n})`)
      .join(', ')}`,
  );
  out();
  out('Activities');
  printTable(
    [...analysis.activities]
      .sort((x, y) => y.events - x.events)
      .map((a) => ({
        activity: a.name,
        events: String(a.events),
        cases: String(a.cases),
        'rework cases': String(a.reworkCases),
        'self-loops': String(a.selfLoops),
        repetitions: String(a.repetitions),
        'repeat/redo': a.repeatSameResource + a.redoOtherResource > 0 ? `${a.repeatSameResource}/${a.redoOtherResource}` : '',
      })),
    ['activity', 'events', 'cases', 'rework cases', 'self-loops', 'repetitions', 'repeat/redo'],
  );
  out();
  out(`Variants (top ${Math.min(10, analysis.variants.length)} of ${analysis.variants.length})`);
  printTable(
    analysis.variants.slice(0, 10).map((v, i) => ({
      '#': String(i + 1),
      cases: String(v.count),
      coverage: percent(v.coverage),
      'mean duration': humanDuration(v.meanDurationSeconds),
      sequence: abbreviate(v.activities.map((a) => names[a] as string)),
    })),
    ['#', 'cases', 'coverage', 'mean duration', 'sequence'],
  );
  out();
  out(`Paths (top ${Math.min(15, analysis.dfg.length)} of ${analysis.dfg.length} by count)`);
  printTable(
    [...analysis.dfg]
      .sort((x, y) => y.count - x.count)
      .slice(0, 15)
      .map((e) => ({
        from: names[e.source] as string,
        to: names[e.target] as string,
        count: String(e.count),
        mean: humanDuration(e.seconds.mean),
        median: humanDuration(e.seconds.median),
        max: humanDuration(e.seconds.max),
      })),
    ['from', 'to', 'count', 'mean', 'median', 'max'],
  );
  const net = heuristicsMiner(log, analysis);
  out();
  out(`Dependency graph (heuristics miner, PM4Py defaults): ${net.keptEdges.length} of ${net.dependency.length} edges kept`);
  printTable(
    [...net.keptEdges]
      .sort((x, y) => y.dependency - x.dependency || y.count - x.count)
      .slice(0, 15)
      .map((e) => ({
        from: e.source,
        to: e.target,
        dependency: e.loopTwo ? 'loop of two' : e.dependency.toFixed(3),
        count: String(e.count),
      })),
    ['from', 'to', 'dependency', 'count'],
  );
  if (analysis.handovers.length > 0) {
    out();
    out(`Hand-overs (top ${Math.min(10, analysis.handovers.length)} of ${analysis.handovers.length})`);
    printTable(
      analysis.handovers.slice(0, 10).map((h) => ({
        from: log.resources[h.source] as string,
        to: log.resources[h.target] as string,
        count: String(h.count),
      })),
      ['from', 'to', 'count'],
    );
  }
}

/** A variant's sequence for a table: at most 8 names, the middle elided. */
function abbreviate(sequence: string[]): string {
  const parts = sequence.length <= 8 ? sequence : [...sequence.slice(0, 4), `… ${sequence.length - 7} more …`, ...sequence.slice(-3)];
  return parts.join(' → ');
}
