import { z } from 'zod';
import { abortable } from '../abortable.ts';
import { defineCredentialType } from '../sdk.ts';
import { pgPool } from './pg-pools.ts';
import { sqlError } from './sql-errors.ts';

export const postgresCredential = defineCredentialType({
  key: 'postgres',
  title: 'PostgreSQL database',
  // The URL holds the password.
  secretFields: ['url'],
  fields: z.object({
    url: z
      .string()
      .max(2048)
      .regex(/^postgres(ql)?:\/\//, 'Must start with postgres:// or postgresql://')
      .describe('Connection URL: postgres://user:password@host:5432/database?sslmode=require'),
  }),
  async test(values, ctx) {
    try {
      await abortable(pgPool(values.url).query('select 1'), ctx.signal);
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      throw sqlError(error, 'PostgreSQL');
    }
  },
});
