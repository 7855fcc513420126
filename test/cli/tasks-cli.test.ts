import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'symbiont.js');

describe('symbiont tasks (CLI)', { timeout: 120_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  function cli(args: string[], input?: string) {
    const res = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr };
  }

  function workflowFile(name: string, nodes: unknown[]): string {
    const file = path.join(dataDir, `${name}.json`);
    const definition = {
      schemaVersion: 1,
      nodes: [{ id: 'start', type: 'trigger.manual', name: 'Start' }, ...nodes],
      edges: nodes.length > 0 ? [{ from: 'start', to: (nodes[0] as { id: string }).id }] : [],
    };
    writeFileSync(file, JSON.stringify(definition));
    return file;
  }

  /** Imports, publishes and runs a workflow; returns the id of the task its run waits on. */
  function runToTask(name: string, nodes: unknown[]): { runId: string; taskId: string } {
    const imported = cli(['workflow', 'import', workflowFile(name, nodes), '--name', name, '--publish']);
    assert.equal(imported.status, 0, imported.stderr);
    const ran = cli(['workflow', 'run', imported.stdout.trim()]);
    assert.equal(ran.status, 0, ran.stderr);
    const { runId, status } = JSON.parse(ran.stdout) as { runId: string; status: string };
    assert.equal(status, 'waiting');
    const listed = cli(['tasks', 'list', '--as', 'alice@bakery.example', '--json']);
    assert.equal(listed.status, 0, listed.stderr);
    const task = (JSON.parse(listed.stdout) as { id: string; runId: string }[]).find((t) => t.runId === runId);
    assert.ok(task, listed.stdout);
    return { runId, taskId: task.id };
  }

  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-tasks-cli-'));
    env = { ...process.env, SYMBIONT_DATA_DIR: dataDir, SYMBIONT_LOG_LEVEL: 'warn', DATABASE_URL: '' };
    for (const name of ['alice', 'bob']) {
      const res = cli(['user', 'create', '--email', `${name}@bakery.example`, '--name', name, '--password-stdin'], 'a-long-passphrase\n');
      assert.equal(res.status, 0, res.stderr);
    }
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help for the task commands', () => {
    for (const sub of ['list', 'show', 'approve', 'reject', 'complete', 'resolve']) {
      const res = cli(['tasks', sub, '--help']);
      assert.equal(res.status, 0, sub);
      assert.match(res.stdout, /Usage: symbiont tasks/);
    }
  });

  it('approves as the assignee, refuses someone else and a second decision, and makes the run due', () => {
    const { runId, taskId } = runToTask('Refunds', [
      { id: 'ok', type: 'human.approval', name: 'OK?', config: { title: 'Refund 12 €?', assignees: [{ user: 'alice@bakery.example' }] } },
    ]);
    const shown = cli(['tasks', 'show', taskId, '--as', 'alice@bakery.example']);
    assert.match(shown.stdout, /approval task .*Refund 12 €\? \[open\]/);
    assert.match(shown.stdout, /you may: approve, reject, claim/);
    const outsider = cli(['tasks', 'approve', taskId, '--as', 'bob@bakery.example']);
    assert.equal(outsider.status, 1);
    assert.match(outsider.stderr, /TASK_NOT_ASSIGNEE/);
    const noOne = cli(['tasks', 'approve', taskId]);
    assert.equal(noOne.status, 1);
    assert.match(noOne.stderr, /--as/);
    const ok = cli(['tasks', 'approve', taskId, '--as', 'alice@bakery.example', '--comment', 'fine']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /done \(approved\); the run continues/);
    const twice = cli(['tasks', 'reject', taskId, '--as', 'alice@bakery.example']);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /TASK_ALREADY_DECIDED/);
    const db = new Database(path.join(dataDir, 'symbiont.db'), { readonly: true });
    try {
      const run = db.prepare('select status, next_at from runs where id = ?').get(runId) as { status: string; next_at: string | null };
      assert.equal(run.status, 'waiting');
      assert.ok(run.next_at, 'due now: the server continues it');
      const signal = db.prepare('select signal_id from run_signals where run_id = ?').get(runId) as { signal_id: string };
      assert.equal(signal.signal_id, `task:${taskId}`);
    } finally {
      db.close();
    }
  });

  it('completes a form, naming each wrong field first', () => {
    const { taskId } = runToTask('Counts', [
      {
        id: 'count',
        type: 'human.form',
        name: 'Count',
        config: {
          title: 'Count the flour',
          assignees: [{ user: 'alice@bakery.example' }],
          fields: [{ key: 'kg', label: 'Kilograms', type: 'number', required: true }],
        },
      },
    ]);
    const bad = cli(['tasks', 'complete', taskId, '--as', 'alice@bakery.example', '--data', '{"kg":"lots"}']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /FORM_INVALID/);
    assert.match(bad.stderr, /data\.kg: Must be a number/);
    const malformed = cli(['tasks', 'complete', taskId, '--as', 'alice@bakery.example', '--data', '{kg']);
    assert.match(malformed.stderr, /MALFORMED_JSON/);
    const ok = cli(['tasks', 'complete', taskId, '--as', 'alice@bakery.example', '--data', '{"kg":25}']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /done \(completed\)/);
    const closed = cli(['tasks', 'list', '--status', 'done', '--json']);
    assert.ok((JSON.parse(closed.stdout) as { id: string }[]).some((t) => t.id === taskId));
  });
});
