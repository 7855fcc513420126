import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createApp, openMigratedDatabase, ROOT_DIR } from '../../app.ts';
import { linkBaseUrl, loadConfig } from '../../platform/config/config.ts';
import { createLogger } from '../../platform/logger.ts';

/** Builds the web UI when a checkout has no dist/web yet (first `npm start`). */
function ensureWebBuilt(log: (m: string) => void): string | null {
  const webDir = path.join(ROOT_DIR, 'dist', 'web');
  if (existsSync(path.join(webDir, 'index.html'))) return webDir;
  if (process.env.SYMBIONT_SKIP_WEB_BUILD === '1') return null;
  const vite = path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    log('web UI not built and vite is not installed: serving the API only (run `npm run build:web`)');
    return null;
  }
  log('building the web UI (first start only)…');
  try {
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT_DIR, stdio: 'inherit' });
    return webDir;
  } catch {
    log('the web UI build failed (see above): serving the API only');
    return null;
  }
}

/** `symbiont start`: API, web UI (and later scheduler and workers) in one process. */
export async function startCommand(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const say = (m: string) => process.stdout.write(`symbiont: ${m}\n`);
  const webDir = ensureWebBuilt(say);
  const handle = await openMigratedDatabase(config);
  const { server, services } = await createApp(handle, {
    // Secure cookies follow SYMBIONT_PUBLIC_URL only; links in e-mails need an absolute base either way.
    config: { ...config, linkBaseUrl: linkBaseUrl(config) },
    logger,
    webDir,
  });
  // Housekeeping: ended sessions are removed hourly (and once at start).
  const purge = () => services.sessions.purgeExpired().catch((err) => logger.warn({ err }, 'session purge failed'));
  await purge();
  const purgeTimer = setInterval(purge, 3_600_000);
  purgeTimer.unref();
  await server.listen({ host: config.host, port: config.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)';
  say(`database: ${where}`);
  say(`ready in ${Math.round(performance.now() - startedAt)} ms — open http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: finishing in-flight requests and closing`);
    const timer = setTimeout(() => {
      say('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    clearInterval(purgeTimer);
    try {
      await server.close();
      await handle.close();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
