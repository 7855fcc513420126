import { closeSmtpPools } from './email/smtp-pool.ts';
import { closePgPools } from './sql/pg-pools.ts';
import { closeSqliteHandles } from './sql/sqlite-handles.ts';

/** Closes the connections connectors keep between steps (SMTP and PostgreSQL pools, SQLite files). Call on shutdown. */
export async function closeConnectorResources(): Promise<void> {
  closeSmtpPools();
  closeSqliteHandles();
  await closePgPools();
}
