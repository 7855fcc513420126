import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { assertClose } from '../../src/modules/audit/testing/assert-close.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'symbiont.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'eventlogs');
const oracle = JSON.parse(readFileSync(path.join(FIXTURES, 'running-example.oracle.json'), 'utf8'));
const {
  oracle: _meta,
  log: _log,
  conventions: _c,
  pm4py_2_7_14_stock_xes_reader: _stock,
  models: _m,
  independent_check: _i,
  ...expected
} = oracle;

// `audit stats` opens no database; the data dir only keeps a stray one out of the checkout.
const dir = mkdtempSync(path.join(tmpdir(), 'symbiont-audit-cli-'));
const env = { ...process.env, SYMBIONT_DATA_DIR: dir, SYMBIONT_LOG_LEVEL: 'warn', DATABASE_URL: '' };
const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });

describe('symbiont audit stats', { timeout: 120_000 }, () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of ['running-example.xes', 'running-example.csv']) {
    it(`prints one JSON object equal to the PM4Py oracle for ${name}`, () => {
      const res = cli(['audit', 'stats', path.join(FIXTURES, name), '--json']);
      assert.equal(res.status, 0, res.stderr);
      assertClose(JSON.parse(res.stdout), expected);
    });
  }

  it('maps CSV columns with flags', () => {
    const res = cli([
      'audit',
      'stats',
      path.join(FIXTURES, 'running-example.csv'),
      '--case',
      'case:concept:name',
      '--activity',
      'Activity',
      '--timestamp',
      'time:timestamp',
      '--resource',
      'Resource',
      '--delimiter',
      'comma',
      '--date-format',
      'iso',
      '--json',
    ]);
    assert.equal(res.status, 0, res.stderr);
    assertClose(JSON.parse(res.stdout), expected);
  });

  it('prints a readable summary without --json', () => {
    const res = cli(['audit', 'stats', path.join(FIXTURES, 'running-example.xes')]);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /42 events, 6 cases, 8 activities, 6 variants, 16 directly-follows edges/);
    assert.match(res.stdout, /check ticket\s+9\s+6\s+2\s+0\s+3\s+0\/3/);
    assert.match(res.stdout, /check ticket\s+decide\s+6\s+2\.1d\s+1\.5d\s+6\.7d/);
    assert.match(res.stdout, /heuristics miner, PM4Py defaults\): 12 of 16 edges kept/);
  });

  it('fails with the line, the value and a non-zero exit code on bad input', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'case,activity,timestamp\n1,a,2020-01-01 10:00\n1,b,2020-01-01 25:00\n');
    const res = cli(['audit', 'stats', bad, '--json']);
    assert.equal(res.status, 1);
    assert.equal(res.stdout, '');
    assert.match(
      res.stderr,
      /Line 3, column "timestamp": "2020-01-01 25:00" does not fit the date format iso.*\[EVENT_LOG_TIMESTAMP_INVALID\]/,
    );
    const format = cli(['audit', 'stats', path.join(FIXTURES, 'running-example.csv'), '--date-format', 'someday']);
    assert.equal(format.status, 1);
    assert.match(format.stderr, /EVENT_LOG_OPTION_INVALID/);
  });

  it('imports a log into the database, lists it and shows the same statistics; a failed import stores nothing', () => {
    const imported = cli(['audit', 'import', path.join(FIXTURES, 'running-example.xes'), '--name', 'Compensation', '--json']);
    assert.equal(imported.status, 0, imported.stderr);
    const view = JSON.parse(imported.stdout) as { id: string; name: string; numEvents: number };
    assert.deepEqual([view.name, view.numEvents], ['Compensation', 42]);
    const shown = cli(['audit', 'show', view.id, '--json']);
    assert.equal(shown.status, 0, shown.stderr);
    assertClose(JSON.parse(shown.stdout), expected);
    const bad = path.join(dir, 'broken.xes');
    writeFileSync(bad, '<log>\n<trace>\n<event>\n</trace>\n</log>\n');
    const failed = cli(['audit', 'import', bad]);
    assert.equal(failed.status, 1);
    assert.match(failed.stderr, /line 4, column 1.*\[EVENT_LOG_XML_MALFORMED\]/);
    const listed = cli(['audit', 'list', '--json']);
    assert.deepEqual(
      (JSON.parse(listed.stdout) as { id: string }[]).map((l) => l.id),
      [view.id],
    );
  });
});
