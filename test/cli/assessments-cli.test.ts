import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'symbiont.js');

describe('symbiont assessments (CLI)', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let ideaId = '';

  function cli(args: string[]) {
    const res = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr };
  }

  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-assessments-cli-'));
    env = { ...process.env, SYMBIONT_DATA_DIR: dataDir, SYMBIONT_LOG_LEVEL: 'warn', DATABASE_URL: '' };
    const csv = path.join(dataDir, 'ideas.csv');
    writeFileSync(
      csv,
      [
        'name,description,category,pain_points,applications,frequency_period,frequency_count,minutes_per_case,rules,digital,structured,change,documentation',
        'Copy supplier invoices,We retype invoices from e-mail,Finance,Typos,Outlook;Accounting,day,40,6,5,4,3,2,1',
      ].join('\n'),
    );
    const imported = cli(['ideas', 'import', csv]);
    assert.equal(imported.status, 0, imported.stderr);
    const listed = cli(['ideas', 'list', '--json']);
    ideaId = (JSON.parse(listed.stdout) as { id: string }[])[0]?.id ?? '';
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows the draft of an idea not assessed yet', () => {
    const shown = cli(['assessments', 'show', ideaId, '--json']);
    assert.equal(shown.status, 0, shown.stderr);
    const v = JSON.parse(shown.stdout);
    assert.equal(v.assessment, null);
    assert.equal(v.draft.volumetry.volume, 40);
    assert.match(cli(['assessments', 'show', ideaId]).stdout, /not assessed yet/);
  });

  it('saves an assessment from a file and prints its figures; a bad file names the field', () => {
    const file = path.join(dataDir, 'input.json');
    writeFileSync(
      file,
      JSON.stringify({
        answers: { systems: ['email'], inputFormat: 'structured', exceptions: 'rare', dataSensitivity: 'internal' },
        input: {
          volumetry: { frequency: 'daily', volume: 40, minutesPerCase: 6, hourlyCost: 50 },
          potential: { ruleBasedShare: 0.9 },
          cost: { buildHours: { low: 20, likely: 40, high: 80 }, builderHourlyCost: 60 },
        },
      }),
    );
    const set = cli(['assessments', 'set', ideaId, '--file', file]);
    assert.equal(set.status, 0, set.stderr);
    assert.match(set.stdout, /revision 1/);
    assert.match(set.stdout, /verdict viable/);
    assert.match(set.stdout, /net value a year/);

    const bad = path.join(dataDir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        answers: {},
        input: {
          volumetry: { frequency: 'daily', volume: -3, minutesPerCase: 6, hourlyCost: 50 },
          potential: { ruleBasedShare: 0.9 },
          cost: { buildHours: 10, builderHourlyCost: 60 },
        },
      }),
    );
    const refused = cli(['assessments', 'set', ideaId, '--file', bad]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /input\.volumetry\.volume/);
    assert.match(refused.stderr, /VALIDATION_FAILED/);
    assert.match(cli(['assessments', 'show', ideaId]).stdout, /revision 1/, 'nothing changed');
  });
});
