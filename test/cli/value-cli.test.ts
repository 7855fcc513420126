import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'symbiont.js');

describe('symbiont value report (CLI)', { timeout: 120_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });

  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-value-cli-'));
    env = { ...process.env, SYMBIONT_DATA_DIR: dataDir, SYMBIONT_LOG_LEVEL: 'warn', DATABASE_URL: '' };
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the report as JSON, CSV and a table over the window asked', () => {
    const json = cli(['value', 'report', '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json']);
    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.from, '2026-11-01T00:00:00.000Z');
    assert.equal(report.to, '2026-12-01T00:00:00.000Z', 'a date-only end counts its whole day');
    assert.equal(report.kpis.live, 0);
    const csv = cli(['value', 'report', '--format', 'csv']);
    assert.equal(csv.status, 0, csv.stderr);
    assert.match(csv.stdout, /^idea_id,name,kind,/);
    const table = cli(['value', 'report']);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /0 ideas, 0 live/);
  });

  it('refuses a window that ends before it starts, and an unknown format', () => {
    const backwards = cli(['value', 'report', '--from', '2026-12-01', '--to', '2026-11-01']);
    assert.notEqual(backwards.status, 0);
    assert.match(backwards.stderr, /from/);
    assert.notEqual(cli(['value', 'report', '--format', 'xml']).status, 0);
  });
});
