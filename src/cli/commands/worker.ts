import { createServices, openMigratedDatabase } from '../../app.ts';
import { linkBaseUrl, loadConfig } from '../../platform/config/config.ts';
import { createLogger } from '../../platform/logger.ts';

/**
 * `symbiont worker`: claims and drives runs and fires triggers, without HTTP. Meant for
 * PostgreSQL, where any number of workers and servers share the work through leases.
 */
export async function workerCommand(options: { concurrency?: string }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const say = (m: string) => process.stdout.write(`symbiont worker: ${m}\n`);
  if (config.database.dialect === 'sqlite') {
    say('note: on SQLite the server (`symbiont start`) already runs the work; a worker beside it shares one database file');
  }
  const handle = await openMigratedDatabase(config);
  const services = createServices(handle, undefined, {
    publicUrl: linkBaseUrl(config),
    taskLinkDays: config.taskLinkDays,
    logger,
    secretKey: config.secretKey,
    dataDir: config.dataDir,
    httpAllow: config.httpAllow,
    ...(options.concurrency ? { maxActive: Number(options.concurrency) } : {}),
  });
  await services.engine.start();
  services.triggers.start();
  // Task timeouts, SLA escalations and the notification outbox are shared like runs (locked rows are skipped).
  services.taskScheduler.start();
  say(`ready (owner ${services.engine.owner})`);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: handing runs back at their next step`);
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    try {
      await services.taskScheduler.stop();
      await services.triggers.stop();
      await services.engine.stop(10_000);
      await services.sandbox.close();
      await handle.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
