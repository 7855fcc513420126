import { loadConfig } from '../../platform/config/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { migrateToLatest, migrationStatus } from '../../platform/db/migrate.ts';

/** `symbiont migrate [--status]`. */
export async function migrateCommand(options: { status?: boolean }): Promise<void> {
  const config = loadConfig();
  const handle = openDatabase(config.database);
  try {
    if (options.status) {
      const status = await migrationStatus(handle.db);
      process.stdout.write(`${status.applied} applied, ${status.pending} pending\n`);
      for (const name of status.pendingNames) process.stdout.write(`  pending: ${name}\n`);
      return;
    }
    const applied = await migrateToLatest(handle.db);
    for (const name of applied) process.stdout.write(`applied ${name}\n`);
    process.stdout.write(applied.length === 0 ? 'already at the latest migration\n' : `done: ${applied.length} migration(s)\n`);
  } finally {
    await handle.close();
  }
}
