import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isAppError } from '../../platform/errors.ts';
import { auditStats } from './audit-stats.domain.ts';
import { importEventLog } from './event-log-import.ts';
import type { ImportOptions } from './event-log-source.ts';
import { analyseLog } from './log-analysis.domain.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-eventlog-'));
const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/eventlogs');

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function failure(file: string, options: ImportOptions = {}) {
  try {
    await importEventLog(file, options);
  } catch (error) {
    assert.ok(isAppError(error), String(error));
    return error as { code: string; userMessage: string; details: Record<string, unknown> };
  }
  assert.fail('the import succeeded');
}

const xes = (events: string) =>
  `<?xml version="1.0"?>\n<log>\n<trace>\n<string key="concept:name" value="c1"/>\n${events}</trace>\n</log>\n`;
const event = (name: string | null, time: string | null) =>
  `<event>${name === null ? '' : `<string key="concept:name" value="${name}"/>`}${time === null ? '' : `<date key="time:timestamp" value="${time}"/>`}</event>\n`;

after(() => rmSync(dir, { recursive: true, force: true }));

describe('importEventLog: bad input', () => {
  it('malformed XML: EVENT_LOG_XML_MALFORMED with line and column', async () => {
    const e = await failure(write('bad.xes', '<log>\n<trace>\n<event>\n</trace>\n</log>\n'));
    assert.equal(e.code, 'EVENT_LOG_XML_MALFORMED');
    assert.deepEqual(e.details, { line: 4, column: 1 });
    assert.match(e.userMessage, /line 4, column 1: expected <\/event>/);
  });

  it('a CSV without the mapped columns: EVENT_LOG_COLUMN_MISSING naming the columns there are', async () => {
    const file = write('cols.csv', 'id,what,when\n1,a,2020-01-01\n');
    const e = await failure(file);
    assert.equal(e.code, 'EVENT_LOG_COLUMN_MISSING');
    assert.match(e.userMessage, /no case id column found .* --case\. Columns: "id", "what", "when"/);
    const given = await failure(file, { caseColumn: 'id', activityColumn: 'activity' });
    assert.match(given.userMessage, /no column "activity" for the activity \(--activity\)/);
  });

  it('an unparseable timestamp: EVENT_LOG_TIMESTAMP_INVALID with line, field and value (CSV and XES)', async () => {
    const csv = await failure(write('ts.csv', 'case,activity,timestamp\n1,a,2020-01-01 10:00\n\n1,b,2020-02-30 10:00\n'));
    assert.equal(csv.code, 'EVENT_LOG_TIMESTAMP_INVALID');
    assert.deepEqual(
      { line: csv.details.line, field: csv.details.field, value: csv.details.value },
      { line: 4, field: 'timestamp', value: '2020-02-30 10:00' },
    );
    const x = await failure(write('ts.xes', xes(event('a', '2020-01-01T10:00:00Z') + event('b', 'last tuesday'))));
    assert.equal(x.code, 'EVENT_LOG_TIMESTAMP_INVALID');
    assert.deepEqual({ line: x.details.line, value: x.details.value }, { line: 6, value: 'last tuesday' });
    const undetectable = await failure(write('und.csv', 'case,activity,timestamp\n1,a,soon\n'));
    assert.equal(undetectable.code, 'EVENT_LOG_TIMESTAMP_INVALID');
    assert.match(undetectable.userMessage, /Line 2: cannot tell the date format .* "soon"/);
  });

  it('an empty log: EVENT_LOG_EMPTY (empty file, header only, XES without events, only unusable events)', async () => {
    assert.equal((await failure(write('empty.csv', ''))).code, 'EVENT_LOG_EMPTY');
    assert.equal((await failure(write('header.csv', 'case,activity,timestamp\n'))).code, 'EVENT_LOG_EMPTY');
    assert.equal((await failure(write('none.xes', '<log><trace></trace></log>'))).code, 'EVENT_LOG_EMPTY');
    assert.equal((await failure(write('blank.xes', '\n  \n'))).code, 'EVENT_LOG_EMPTY');
    const unusable = await failure(write('unusable.xes', xes(event(null, '2020-01-01T10:00:00Z'))));
    assert.equal(unusable.code, 'EVENT_LOG_EMPTY');
    assert.match(unusable.userMessage, /line 5, no concept:name/);
  });

  it('a truncated or corrupt gzip: EVENT_LOG_GZIP_INVALID', async () => {
    const whole = gzipSync(readFileSync(path.join(FIXTURES, 'running-example.xes')));
    const truncated = await failure(write('cut.xes.gz', whole.subarray(0, Math.floor(whole.length / 2))));
    assert.equal(truncated.code, 'EVENT_LOG_GZIP_INVALID');
    assert.match(truncated.userMessage, /truncated/);
    const corrupt = await failure(write('corrupt.xes.gz', Buffer.from('not gzip at all')));
    assert.equal(corrupt.code, 'EVENT_LOG_GZIP_INVALID');
  });

  it('counts lines through a byte-order mark, CRLF endings and quoted multi-line fields', async () => {
    const e = await failure(
      write(
        'bom.csv',
        '\ufeffcase,activity,timestamp\r\n1,a,2020-01-01 10:00\r\n1,"b, with comma\r\nand newline",2020-01-01 11:00\r\n1,c,bad\r\n',
      ),
    );
    assert.equal(e.code, 'EVENT_LOG_TIMESTAMP_INVALID');
    assert.deepEqual({ line: e.details.line, value: e.details.value }, { line: 5, value: 'bad' });
  });

  it('a missing file, an unknown zone, a malformed CSV row', async () => {
    assert.equal((await failure(path.join(dir, 'nope.csv'))).code, 'FILE_NOT_FOUND');
    const zone = await failure(path.join(FIXTURES, 'running-example.csv'), { timezone: 'Mars/Olympus' });
    assert.equal(zone.code, 'EVENT_LOG_OPTION_INVALID');
    const row = await failure(write('row.csv', 'case,activity,timestamp\n1,a,2020-01-01,extra\n'));
    assert.equal(row.code, 'EVENT_LOG_CSV_MALFORMED');
    assert.equal(row.details.line, 2);
    const quote = await failure(write('quote.csv', 'case,activity,timestamp\n1,"a,2020-01-01\n'));
    assert.equal(quote.code, 'EVENT_LOG_CSV_MALFORMED');
  });
});

describe('importEventLog: generated logs with known answers', () => {
  it('skips events without activity or timestamp and counts them (as PM4Py drops them)', async () => {
    const result = await importEventLog(
      write(
        'missing.xes',
        xes(
          event('a', '2020-01-01T10:00:00Z') + event(null, '2020-01-01T11:00:00Z') + event('b', null) + event('c', '2020-01-01T12:00:00Z'),
        ),
      ),
    );
    assert.equal(result.skipped.count, 2);
    assert.deepEqual(result.skipped.examples, [
      { line: 6, reason: 'no concept:name' },
      { line: 7, reason: 'no time:timestamp' },
    ]);
    assert.deepEqual(auditStats(result.log, analyseLog(result.log)).dfg, [{ source: 'a', target: 'c', count: 1 }]);
  });

  it('sorts an out-of-order CSV by time within each case, keeping file order for ties', async () => {
    const result = await importEventLog(
      write(
        'order.csv',
        'case;activity;timestamp;resource\nB;x;01/02/2011 10:00;ann\nA;second;30/01/2011 09:00;\nA;first;30/01/2011 08:00;bob\nA;tie;30/01/2011 09:00;bob\n',
      ),
    );
    assert.equal(result.delimiter, ';');
    assert.equal(result.dateFormat, 'dmy');
    assert.equal(result.dateFormatAmbiguous, false);
    const stats = auditStats(result.log, analyseLog(result.log));
    assert.deepEqual(stats.variants, [
      { activities: ['first', 'second', 'tie'], count: 1 },
      { activities: ['x'], count: 1 },
    ]);
    assert.deepEqual(result.log.resources, ['ann', 'bob']);
  });

  it('honours an offset that changes inside a case (daylight saving) and reads naive times in --timezone', async () => {
    const withOffsets = await importEventLog(
      write('dst.xes', xes(event('a', '2011-03-27T01:30:00.000+01:00') + event('b', '2011-03-27T03:30:00.000+02:00'))),
    );
    assert.equal(auditStats(withOffsets.log, analyseLog(withOffsets.log)).case_duration_seconds?.max, 3600);
    const naive = await importEventLog(write('naive.csv', 'case,activity,timestamp\n1,a,2011-03-27 01:30:00\n1,b,2011-03-27 03:30:00\n'), {
      timezone: 'Europe/Amsterdam',
    });
    assert.equal(auditStats(naive.log, analyseLog(naive.log)).case_duration_seconds?.max, 3600);
    const utc = await importEventLog(path.join(dir, 'naive.csv'));
    assert.equal(auditStats(utc.log, analyseLog(utc.log)).case_duration_seconds?.max, 7200);
  });

  it('maps columns by flag, reads epoch dates, start timestamps and a tab delimiter', async () => {
    const result = await importEventLog(
      write('tab.tsv', 'Ticket\tStep\tEnd\tBegin\tWho\nT1\topen\t1293719520\t1293719500\tann\nT1\tclose\t1293719580\t\t\n'),
      { caseColumn: 'Ticket', activityColumn: 'Step', timestampColumn: 'End', startTimestampColumn: 'Begin', resourceColumn: 'Who' },
    );
    assert.equal(result.delimiter, '\t');
    assert.equal(result.dateFormat, 'epoch_s');
    assert.deepEqual(Array.from(result.log.startTime ?? []), [1293719500000, Number.NaN]);
    assert.deepEqual(Array.from(result.log.resource), [0, -1]);
  });
});
