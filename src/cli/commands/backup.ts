import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../../platform/config/config.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';

/** `symbiont backup [file]`: an online SQLite backup (the server may keep running). */
export async function backupCommand(file: string | undefined): Promise<void> {
  const config = loadConfig();
  if (config.database.dialect === 'postgres') {
    throw new AppError('NOT_SUPPORTED', {
      status: 400,
      userMessage:
        'Symbiont runs on PostgreSQL here: back it up with PostgreSQL\'s own tools, e.g. `pg_dump --format=custom --file=symbiont.dump "$DATABASE_URL"` (restore with pg_restore).',
    });
  }
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const target = path.resolve(file ?? path.join(config.dataDir, 'backups', `symbiont-${stamp}.db`));
  if (existsSync(target)) {
    throw new AppError('CONFLICT', { status: 409, userMessage: `${target} already exists; choose another file name.` });
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const handle = openDatabase(config.database);
  const sqlite = handle.sqlite;
  if (!sqlite) throw new Error('unreachable: SQLite handle missing');
  const bar = new SingleBar({ format: 'backup [{bar}] {percentage}% | {value}/{total} pages', hideCursor: true, stream: process.stderr });
  let started = false;
  try {
    await sqlite.backup(target, {
      progress({ totalPages, remainingPages }) {
        if (!started) {
          bar.start(totalPages, 0);
          started = true;
        }
        bar.update(totalPages - remainingPages);
        return 200;
      },
    });
  } finally {
    if (started) bar.stop();
    await handle.close();
  }
  process.stdout.write(`backup written to ${target}\n`);
}
