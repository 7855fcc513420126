import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrations } from '../../src/platform/db/migrations/index.ts';
import { freePort } from '../../src/platform/db/testing/pg-cluster.ts';
import { testDialects } from '../../src/platform/db/testing/test-database.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'symbiont.js');

describe('symbiont CLI', { timeout: 300_000 }, () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  function cli(args: string[], input?: string) {
    const res = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr };
  }

  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-cli-'));
    env = { ...process.env, SYMBIONT_DATA_DIR: dataDir, SYMBIONT_LOG_LEVEL: 'warn', DATABASE_URL: '' };
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints help for every command', () => {
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['user', 'create', '--help'],
      ['token', 'create', '--help'],
      ['backup', '--help'],
      ['demo', '--help'],
    ]) {
      const res = cli(args);
      assert.equal(res.status, 0, args.join(' '));
      assert.match(res.stdout, /Usage: symbiont/);
    }
  });

  it('names the bad environment variable and exits 1', () => {
    const res = spawnSync(process.execPath, [BIN, 'migrate'], { env: { ...env, SYMBIONT_PORT: 'eighty' }, encoding: 'utf8' });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /SYMBIONT_PORT/);
    assert.match(res.stderr, /CONFIG_INVALID/);
  });

  it('migrates, then reports nothing pending', () => {
    assert.match(cli(['migrate']).stdout, /applied 2026/);
    assert.match(cli(['migrate', '--status']).stdout, new RegExp(`\\b${Object.keys(migrations).length} applied, 0 pending`));
  });

  it('creates an admin with a password from stdin, lists users, refuses a duplicate', () => {
    const created = cli(
      ['user', 'create', '--email', 'Owner@Example.com', '--name', 'Owner', '--admin', '--password-stdin'],
      'a-long-passphrase\n',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /created Owner <owner@example.com>.*administrator/);
    const listed = cli(['user', 'list', '--json']);
    const users = JSON.parse(listed.stdout) as { email: string; roles: string[] }[];
    assert.deepEqual(
      users.map((u) => [u.email, [...u.roles].sort()]),
      [['owner@example.com', ['admin', 'member']]],
    );
    const dup = cli(['user', 'create', '--email', 'owner@example.com', '--name', 'Again']);
    assert.equal(dup.status, 1);
    assert.match(dup.stderr, /EMAIL_TAKEN/);
  });

  it('resets a password with a generated one and prints it', () => {
    const res = cli(['user', 'reset-password', 'owner@example.com']);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /password: \S{20}/);
  });

  it('creates a token that is only stored hashed', () => {
    const res = cli(['token', 'create', '--user', 'owner@example.com', '--name', 'ci', '--scopes', 'read,write']);
    assert.equal(res.status, 0, res.stderr);
    const token = res.stdout.trim();
    assert.match(token, /^sym_[A-Za-z0-9]{8}_[\w-]{43}$/);
    const db = new Database(path.join(dataDir, 'symbiont.db'), { readonly: true });
    const rows = db.prepare('select token_hash, scopes from api_tokens').all() as { token_hash: string; scopes: string }[];
    db.close();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]?.token_hash, token);
    assert.equal(rows[0]?.scopes, '["read","write"]');
    assert.match(cli(['token', 'create', '--user', 'owner@example.com', '--name', 'x', '--scopes', 'root']).stderr, /--scopes/);
  });

  it('writes an online backup that opens as a database with the same users', () => {
    const target = path.join(dataDir, 'copy.db');
    const res = cli(['backup', target]);
    assert.equal(res.status, 0, res.stderr);
    const db = new Database(target, { readonly: true });
    const n = db.prepare('select count(*) as n from users').get() as { n: number };
    db.close();
    assert.equal(n.n, 1);
    assert.match(cli(['backup', target]).stderr, /already exists/);
  });

  it('points PostgreSQL users to pg_dump for backups', () => {
    const res = spawnSync(process.execPath, [BIN, 'backup'], {
      env: { ...env, DATABASE_URL: 'postgres://u@127.0.0.1:1/x' },
      encoding: 'utf8',
    });
    assert.equal(res.status, 1);
    assert.match(res.stderr, /pg_dump/);
  });

  it('sets, shows and removes a credential’s rate limit', async () => {
    const { createServices, openMigratedDatabase } = await import('../../src/app.ts');
    const { loadConfig } = await import('../../src/platform/config/config.ts');
    const { cliActor } = await import('../../src/platform/permissions/actor.ts');
    const config = loadConfig(env);
    const handle = await openMigratedDatabase(config);
    const services = createServices(handle, undefined, { secretKey: config.secretKey, dataDir });
    await services.credentials.create(cliActor('test'), {
      name: 'Shop API',
      type: 'http_auth',
      fields: { scheme: 'bearer', token: 'tok-9f3' },
    });
    await services.sandbox.close();
    await handle.close();

    const set = cli(['credential', 'limit', 'Shop API', '--requests', '5', '--per', 'minute', '--max-concurrent', '2']);
    assert.equal(set.status, 0, set.stderr);
    assert.match(set.stdout, /Shop API: rate limit 5\/minute, 2 at once/);
    const listed = JSON.parse(cli(['credential', 'list', '--json']).stdout) as { name: string; rateLimit: unknown }[];
    assert.deepEqual(listed, [{ ...listed[0], name: 'Shop API', rateLimit: { requests: 5, per: 'minute', maxConcurrent: 2 } }]);
    assert.ok(!JSON.stringify(listed).includes('tok-9f3'), 'no field value is printed');
    const table = cli(['credential', 'list']);
    assert.match(table.stdout, /Shop API\s+http_auth\s+5\/minute, 2 at once/);
    const bad = cli(['credential', 'limit', 'Shop API', '--requests', '0', '--per', 'minute']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /VALIDATION_FAILED/);
    const removed = cli(['credential', 'limit', 'Shop API', '--none']);
    assert.match(removed.stdout, /Shop API: no rate limit/);
    const missing = cli(['credential', 'limit', 'Nope', '--none']);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /NOT_FOUND/);
  });

  it('runs a workflow and shows its statistics', () => {
    const file = path.join(dataDir, 'pause.workflow.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'trigger.manual', name: 'Start' },
          { id: 'double', type: 'logic.transform', name: 'Double', config: { expression: '{ "lines": lines.($ * 2) }' } },
          { id: 'total', type: 'logic.transform', name: 'Total', config: { expression: '$sum(lines)' } },
        ],
        edges: [
          { from: 'start', to: 'double' },
          { from: 'double', to: 'total' },
        ],
      }),
    );
    const imported = cli(['workflow', 'import', file, '--name', 'Double and total', '--publish']);
    assert.equal(imported.status, 0, imported.stderr);
    const id = imported.stdout.trim();
    const ran = cli(['workflow', 'run', id, '--input', '{"lines":[1,2,3]}']);
    assert.equal(ran.status, 0, ran.stderr);
    assert.equal(JSON.parse(ran.stdout).output, 12);
    const json = JSON.parse(cli(['workflow', 'stats', id, '--days', '7', '--json']).stdout);
    assert.equal(json.days, 7);
    assert.equal(json.runs, 1);
    assert.deepEqual(
      json.steps.map((x: { nodeId: string }) => x.nodeId),
      ['start', 'double', 'total'],
    );
    const table = cli(['workflow', 'stats', id]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /last 90 days: 1 runs/);
    assert.match(table.stdout, /Double\s+logic\.transform\s+1\s+0\s+0/);
    assert.match(table.stdout, /working/);
    const bad = cli(['workflow', 'stats', id, '--days', '0']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--days/);
  });

  it('refuses to load the demo into a database that has people', () => {
    const res = cli(['demo']);
    assert.equal(res.status, 1);
    assert.match(res.stderr, /fresh database/);
  });

  it('loads the demo company into a fresh database', () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'symbiont-demo-'));
    try {
      const refused = spawnSync(process.execPath, [BIN, 'demo', '--days', '99'], {
        env: { ...env, SYMBIONT_DATA_DIR: fresh },
        encoding: 'utf8',
      });
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /--days/);
      const res = spawnSync(process.execPath, [BIN, 'demo', '--days', '3'], {
        env: { ...env, SYMBIONT_DATA_DIR: fresh },
        encoding: 'utf8',
      });
      assert.equal(res.status, 0, res.stderr);
      assert.match(res.stdout, /3 teams, 12 people, 6 live workflows and 1 draft, 3 days of runs \(\d+ succeeded/);
      assert.match(res.stdout, /POST \/webhooks\/crumb-shop-orders/);
      const db = new Database(path.join(fresh, 'symbiont.db'), { readonly: true });
      const teams = db.prepare('select count(*) as n from teams').get() as { n: number };
      const audit = db.prepare("select count(*) as n from audit_events where action = 'user.create'").get() as { n: number };
      const live = db.prepare("select count(*) as n from workflows where status = 'active' and published_version_id is not null").get() as {
        n: number;
      };
      const runs = db.prepare('select status, count(*) as n from runs group by status').all() as { status: string; n: number }[];
      db.close();
      assert.equal(teams.n, 3);
      assert.equal(audit.n, 12, 'demo rows are audited like any other');
      assert.equal(live.n, 6);
      // Failed runs are only wholesale orders the shop aborted.
      assert.ok(
        runs.every((r) => ['succeeded', 'waiting', 'failed'].includes(r.status)),
        JSON.stringify(runs),
      );
      assert.ok((runs.find((r) => r.status === 'succeeded')?.n ?? 0) >= 5);
      assert.ok(existsSync(path.join(fresh, 'files', 'office', 'sales')), 'the sales reports are in the office folder');
      assert.match(res.stdout, /Open tasks waiting for people: \d+ approvals?, \d+ exceptions?/);

      const symbiosis = spawnSync(process.execPath, [BIN, 'symbiosis', '--team', 'office', '--weeks', '2', '--json'], {
        env: { ...env, SYMBIONT_DATA_DIR: fresh },
        encoding: 'utf8',
      });
      assert.equal(symbiosis.status, 0, symbiosis.stderr);
      const view = JSON.parse(symbiosis.stdout);
      assert.equal(view.team.name, 'Office');
      assert.equal(view.weeks.length, 2);
      assert.ok(view.totals.peopleSteps > 0, 'the office approves invoices');
      assert.ok(view.workflows.some((w: { name: string }) => w.name === 'Supplier invoice approval'));
      const table = spawnSync(process.execPath, [BIN, 'symbiosis', '--weeks', '2'], {
        env: { ...env, SYMBIONT_DATA_DIR: fresh },
        encoding: 'utf8',
      });
      assert.equal(table.status, 0, table.stderr);
      assert.match(table.stdout, /the whole programme, 2 weeks since/);
      assert.match(table.stdout, /Wholesale orders/);
      const bad = spawnSync(process.execPath, [BIN, 'symbiosis', '--weeks', '0'], {
        env: { ...env, SYMBIONT_DATA_DIR: fresh },
        encoding: 'utf8',
      });
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /--weeks/);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('starts, becomes ready, and shuts down gracefully on SIGTERM', async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [BIN, 'start'], {
      env: { ...env, SYMBIONT_PORT: String(port), SYMBIONT_SKIP_WEB_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    try {
      await waitReady(port, child, () => out);
      assert.match(out, new RegExp(`open http://127.0.0.1:${port}/`));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.match(out, /SIGTERM received/);
      assert.ok(existsSync(path.join(dataDir, 'secret.key')));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

async function waitReady(port: number, child: ChildProcess, output: () => string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not ready; output: ${output()}`);
}

const pgSkip = testDialects().find((d) => d.dialect === 'postgres')?.skip;

describe('symbiont on PostgreSQL (DATABASE_URL)', { skip: pgSkip || undefined, timeout: 120_000 }, () => {
  it('migrates, loads the demo and serves the same product', async () => {
    const { createTestDatabase } = await import('../../src/platform/db/testing/test-database.ts');
    // A fresh, unmigrated database on the run's cluster: the CLI must migrate it itself.
    const handle = await createTestDatabase('postgres', { migrate: false });
    const dbName = (await handle.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).executeTakeFirstOrThrow()).name;
    const url = new URL(process.env.SYMBIONT_TEST_PG_URL ?? '');
    url.pathname = `/${dbName}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'symbiont-pgcli-'));
    const env = { ...process.env, SYMBIONT_DATA_DIR: dataDir, DATABASE_URL: url.toString(), SYMBIONT_SKIP_WEB_BUILD: '1' };
    const port = await freePort();
    let child: ChildProcess | undefined;
    try {
      const demo = spawnSync(process.execPath, [BIN, 'demo'], { env, encoding: 'utf8' });
      assert.equal(demo.status, 0, demo.stderr);
      child = spawn(process.execPath, [BIN, 'start'], { env: { ...env, SYMBIONT_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout?.on('data', (d) => {
        out += d;
      });
      const ready = await waitReady(port, child, () => out);
      assert.equal(ready.database, 'postgres');
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'amira@crumb.example', password: 'crumb-and-co-demo' }),
      });
      assert.equal(login.status, 200);
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const teams = await client.query('select count(*)::int as n from teams');
      await client.end();
      assert.equal(teams.rows[0].n, 3);
    } finally {
      if (child && child.exitCode === null) {
        const exited = new Promise((r) => child?.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      await handle.close();
    }
  });
});
