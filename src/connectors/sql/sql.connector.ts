import { defineConnector } from '../sdk.ts';
import { postgresCredential } from './postgres.credential.ts';
import { postgresQueryAction } from './postgres-query.action.ts';
import { sqliteCredential } from './sqlite.credential.ts';
import { sqliteQueryAction } from './sqlite-query.action.ts';

export const sqlConnector = defineConnector({
  key: 'sql',
  title: 'SQL database',
  description: 'Query PostgreSQL databases and SQLite files with parameters; read-only by default, with a row limit.',
  credentials: [postgresCredential, sqliteCredential],
  actions: [postgresQueryAction, sqliteQueryAction],
  triggers: [],
});
