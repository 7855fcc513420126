import { createServices, openMigratedDatabase, type Services } from '../app.ts';
import { type Config, linkBaseUrl, loadConfig } from '../platform/config/config.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';

// Light helpers live in output.ts, so commands without a database do not load the server.
export { fail, printTable } from './output.ts';

/** Runs a CLI command against the configured, migrated database, closing it after. */
export async function withServices<T>(work: (services: Services, handle: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openMigratedDatabase(config);
  const services = createServices(handle, undefined, {
    publicUrl: linkBaseUrl(config),
    taskLinkDays: config.taskLinkDays,
    secretKey: config.secretKey,
    dataDir: config.dataDir,
    httpAllow: config.httpAllow,
  });
  try {
    return await work(services, handle, config);
  } finally {
    await services.engine.stop(2000);
    await services.sandbox.close();
    await handle.close();
  }
}

/** Reads all of stdin (for --password-stdin). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
