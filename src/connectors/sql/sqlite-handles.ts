import SQLite from 'better-sqlite3';

const handles = new Map<string, SQLite.Database>();

/** The cached better-sqlite3 handle for a file (absolute path). */
export function sqliteHandle(file: string, options: { create: boolean }): SQLite.Database {
  const found = handles.get(file);
  if (found?.open) return found;
  const db = new SQLite(file, { fileMustExist: !options.create });
  db.pragma('busy_timeout = 5000');
  handles.set(file, db);
  return db;
}

/** Closes every cached handle (server shutdown, tests). */
export function closeSqliteHandles(): void {
  for (const db of handles.values()) if (db.open) db.close();
  handles.clear();
}
