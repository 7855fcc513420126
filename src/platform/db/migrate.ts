import { type MigrationResultSet, Migrator } from 'kysely';
import { AppError } from '../errors.ts';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Runs every pending migration (Kysely's Migrator takes a lock, so concurrent starts are safe). */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new AppError('MIGRATION_FAILED', {
      status: 500,
      userMessage: `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String((result.error as Error).message ?? result.error)}`,
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export interface MigrationStatus {
  applied: number;
  pending: number;
  pendingNames: string[];
}

/** How many migrations are applied and pending (for /readyz and `symbiont migrate --status`). */
export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const all = await migrator(db).getMigrations();
  const pendingNames = all.filter((m) => m.executedAt === undefined).map((m) => m.name);
  return { applied: all.length - pendingNames.length, pending: pendingNames.length, pendingNames };
}
