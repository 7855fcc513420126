import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'symbiont.js');

describe('symbiont forms (CLI)', { timeout: 120_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  function cli(args: string[]) {
    const res = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr };
  }

  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-forms-cli-'));
    env = {
      ...process.env,
      SYMBIONT_DATA_DIR: dataDir,
      SYMBIONT_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SYMBIONT_PUBLIC_URL: 'https://ops.bakery.example',
    };
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('lists the link of a published form workflow and rotates it', () => {
    const file = path.join(dataDir, 'orders.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        nodes: [
          {
            id: 'form',
            type: 'trigger.form',
            name: 'Order form',
            config: { title: 'Order bread', fields: [{ key: 'name', label: 'Name', type: 'text', required: true }] },
          },
        ],
        edges: [],
      }),
    );
    const imported = cli(['workflow', 'import', file, '--name', 'Bread orders', '--publish']);
    assert.equal(imported.status, 0, imported.stderr);

    const listed = cli(['forms', 'list', '--json']);
    assert.equal(listed.status, 0, listed.stderr);
    const [link] = JSON.parse(listed.stdout) as { id: string; url: string; workflowName: string; enabled: boolean }[];
    assert.ok(link, listed.stdout);
    assert.equal(link.workflowName, 'Bread orders');
    assert.match(link.url, /^https:\/\/ops\.bakery\.example\/f\/[A-Za-z0-9_-]{43}$/);

    const table = cli(['forms', 'list']);
    assert.match(table.stdout, /Bread orders +open +0 +0 +https:\/\/ops\.bakery\.example\/f\//);

    const rotated = cli(['forms', 'rotate', link.id]);
    assert.equal(rotated.status, 0, rotated.stderr);
    const fresh = rotated.stdout.trim();
    assert.match(fresh, /^https:\/\/ops\.bakery\.example\/f\/[A-Za-z0-9_-]{43}$/);
    assert.notEqual(fresh, link.url);
    assert.equal((JSON.parse(cli(['forms', 'list', '--json']).stdout) as { url: string }[])[0]?.url, fresh);

    const unknown = cli(['forms', 'rotate', 'nope']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /NOT_FOUND/);
  });
});
