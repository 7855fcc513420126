import type SQLite from 'better-sqlite3';
import type { Compilable, Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/** Stands for a value while a statement is built; never reaches the database. */
class Slot {
  constructor(readonly name: string) {}
}

export type SlotOf = (name: string) => never;

/**
 * Runs the engine's batches of writes on SQLite synchronously, in one transaction, with
 * statements Kysely built and compiled once per shape (the SQL text never changes between
 * calls; only bound values do). Building and compiling a small statement costs more than
 * running it, and a group commit runs thousands a second. The batch holds Kysely's connection
 * (its mutex) while it runs, so it never interleaves with a transaction a service has open.
 */
export function createSqliteBatch(db: Kysely<Database>, sqlite: SQLite.Database) {
  const shapes = new Map<string, { stmt: SQLite.Statement; slots: (string | null)[]; constants: readonly unknown[] }>();
  const slot: SlotOf = (name) => new Slot(name) as never;

  function prepared(key: string, build: (slot: SlotOf) => Compilable) {
    let shape = shapes.get(key);
    if (!shape) {
      const query = build(slot).compile();
      shape = {
        stmt: sqlite.prepare(query.sql),
        slots: query.parameters.map((p) => (p instanceof Slot ? p.name : null)),
        constants: query.parameters,
      };
      shapes.set(key, shape);
    }
    return shape;
  }

  return {
    db,
    /** Runs a statement of shape `key` with `values` (by slot name). */
    run(key: string, build: (slot: SlotOf) => Compilable, values: object): void {
      const { stmt, slots, constants } = prepared(key, build);
      const v = values as Record<string, unknown>;
      stmt.run(slots.map((name, i) => (name === null ? constants[i] : (v[name] ?? null))));
    },
    /**
     * Runs `work` in one SQLite transaction. The connection is synchronous: when no
     * transaction is open on it, nothing else can run until `work` is done, so it runs at
     * once; otherwise (a service's transaction spans awaits) it queues for Kysely's connection.
     */
    async transaction(work: () => void): Promise<void> {
      if (!sqlite.inTransaction) {
        sqlite.transaction(work)();
        return;
      }
      await db.connection().execute(async () => {
        sqlite.transaction(work)();
      });
    },
  };
}

export type SqliteBatch = ReturnType<typeof createSqliteBatch>;
