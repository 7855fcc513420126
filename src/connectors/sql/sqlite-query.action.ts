import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveInRoot } from '../safe-path.ts';
import { defineAction, requireCredential } from '../sdk.ts';
import { jsonRow, queryInput, queryOutput } from './sql.schemas.ts';
import { readOnlyRefused, sqlError } from './sql-errors.ts';
import { sqliteCredential } from './sqlite.credential.ts';
import { sqliteHandle } from './sqlite-handles.ts';

/** SQLite binds numbers, text, null and binary only. */
const bindable = (p: unknown) => (typeof p === 'boolean' ? (p ? 1 : 0) : p !== null && typeof p === 'object' ? JSON.stringify(p) : p);

export const sqliteQueryAction = defineAction({
  key: 'sqlite_query',
  title: 'SQLite query',
  description: 'Runs one SQL statement with ? parameters on an SQLite file under the files folder, read-only unless told otherwise.',
  credential: { type: sqliteCredential.key, required: true },
  input: queryInput('?'),
  output: queryOutput,
  async run(input, ctx) {
    const { path } = requireCredential(ctx, sqliteCredential);
    const file = await resolveInRoot(ctx.filesRoot, path);
    const what = `SQLite file ${path}`;
    // A write may create the database file, and the folder it goes in.
    if (!input.readOnly) await mkdir(dirname(file), { recursive: true });
    try {
      const db = sqliteHandle(file, { create: !input.readOnly });
      const stmt = db.prepare(input.query);
      if (input.readOnly && !stmt.readonly) throw readOnlyRefused('SQLite');
      const params = input.params.map(bindable);
      if (!stmt.reader) {
        const info = stmt.run(...params);
        return { rows: [], columns: [], rowCount: info.changes, truncated: false };
      }
      const rows: Record<string, unknown>[] = [];
      let truncated = false;
      for (const row of stmt.iterate(...params) as Iterable<Record<string, unknown>>) {
        if (rows.length >= input.maxRows) {
          truncated = true;
          break;
        }
        rows.push(jsonRow(row));
      }
      return { rows, columns: stmt.columns().map((c) => c.name), rowCount: rows.length, truncated };
    } catch (error) {
      throw sqlError(error, what);
    }
  },
});
