import { z } from 'zod';
import { resolveInRoot } from '../safe-path.ts';
import { defineCredentialType } from '../sdk.ts';
import { sqlError } from './sql-errors.ts';
import { sqliteHandle } from './sqlite-handles.ts';

export const sqliteCredential = defineCredentialType({
  key: 'sqlite',
  title: 'SQLite database file',
  secretFields: [],
  fields: z.object({
    path: z.string().min(1).max(1024).describe('Database file, relative to the files folder (e.g. databases/stock.db)'),
  }),
  async test(values, ctx) {
    const file = await resolveInRoot(ctx.filesRoot, values.path);
    try {
      sqliteHandle(file, { create: false }).prepare('select 1').get();
    } catch (error) {
      throw sqlError(error, `SQLite file ${values.path}`);
    }
  },
});
