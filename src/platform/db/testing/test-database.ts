import { after, before, describe } from 'node:test';
import pg from 'pg';
import { randomToken } from '../../ids.ts';
import { type DatabaseHandle, type Dialect, openDatabase } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { type PgCluster, pgUnavailableReason, startPgCluster } from './pg-cluster.ts';

/**
 * Where the PostgreSQL server for tests comes from: `SYMBIONT_TEST_PG_URL` (set by
 * scripts/test.ts, which starts one cluster for the whole run), else a cluster this process
 * starts on first use and stops on exit.
 */
let ownCluster: Promise<PgCluster> | null = null;

async function pgAdminUrl(): Promise<string> {
  const fromEnv = process.env.SYMBIONT_TEST_PG_URL;
  if (fromEnv) return fromEnv;
  if (!ownCluster) {
    ownCluster = startPgCluster();
    const cluster = await ownCluster;
    process.once('exit', () => cluster.stop());
  }
  return (await ownCluster).url;
}

/** The dialects tests run on here, and why any is skipped. */
export function testDialects(): { dialect: Dialect; skip: string | false }[] {
  const pgSkip =
    process.env.SYMBIONT_TEST_PG === 'off' ? 'SYMBIONT_TEST_PG=off' : process.env.SYMBIONT_TEST_PG_URL ? null : pgUnavailableReason();
  return [
    { dialect: 'sqlite', skip: false },
    { dialect: 'postgres', skip: pgSkip ?? false },
  ];
}

/** A new, empty, migrated database: in-memory SQLite, or a fresh PostgreSQL database. */
export async function createTestDatabase(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    if (options.migrate !== false) await migrateToLatest(handle.db);
    return handle;
  }
  const adminUrl = await pgAdminUrl();
  const name = `t_${randomToken(9)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ dialect: 'postgres', url: url.toString(), poolSize: 5 });
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      // pg-pool's end() resolves before its clients' sockets have closed; dropping WITH (FORCE)
      // at once would terminate them and their 'error' would surface as an uncaught exception.
      // Wait (briefly) for them to go, and force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS "${name}"${attempt >= 40 ? ' WITH (FORCE)' : ''}`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 40) throw error;
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      await cleanup.end();
    },
  };
}

/**
 * Declares `suite` once per dialect: `describe('<title> [sqlite]')`, `describe('<title> [postgres]')`.
 * A dialect that cannot run here is reported as skipped with the reason.
 *
 * @example
 * describeEachDialect('UsersRepository', (getDb) => {
 *   it('finds a user by e-mail', async () => { const { db } = getDb(); ... });
 * });
 */
export function describeEachDialect(
  title: string,
  suite: (getDb: () => DatabaseHandle, dialect: Dialect) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const { dialect, skip } of testDialects()) {
    describe(`${title} [${dialect}]`, { skip: skip || undefined }, () => {
      let handle: DatabaseHandle | undefined;
      before(async () => {
        handle = await createTestDatabase(dialect, options);
      });
      suite(() => {
        if (!handle) throw new Error('test database not ready');
        return handle;
      }, dialect);
      // Registered after the suite's own hooks (they run in order): the suite stops its engines
      // and servers first, and the database closes last.
      after(async () => {
        await handle?.close();
      });
    });
  }
}
