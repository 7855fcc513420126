import { type Kysely, SqliteAdapter } from 'kysely';
import type { Dialect } from './database.ts';

/** Which dialect a Kysely instance talks to; migrations use it for dialect-specific DDL. */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped Kysely
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
