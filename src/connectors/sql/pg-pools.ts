import { createHash } from 'node:crypto';
import pg from 'pg';

const MAX_POOLS = 20;
const pools = new Map<string, pg.Pool>();

/** The cached connection pool for a PostgreSQL URL (keyed by its hash), created on first use. */
export function pgPool(url: string): pg.Pool {
  const key = createHash('sha256').update(url).digest('hex');
  const found = pools.get(key);
  if (found) {
    pools.delete(key);
    pools.set(key, found);
    return found;
  }
  const pool = new pg.Pool({ connectionString: url, max: 5, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 15_000 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  pools.set(key, pool);
  if (pools.size > MAX_POOLS) {
    const [oldestKey, oldest] = pools.entries().next().value as [string, pg.Pool];
    pools.delete(oldestKey);
    void oldest.end();
  }
  return pool;
}

/** Ends every cached pool (server shutdown, tests). */
export async function closePgPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.end()));
}
