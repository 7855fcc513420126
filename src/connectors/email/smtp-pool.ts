import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';

type Transport = ReturnType<typeof nodemailer.createTransport>;

/** The fields of an `smtp` credential that shape a connection. */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  allowSelfSigned: boolean;
}

const MAX_POOLS = 20;
/** One pooled transport per distinct credential (keyed by a hash of its values), least recently used last. */
const pools = new Map<string, Transport>();

/** A transport for `settings`: pooled (reused connections) or a single connection (credential tests). */
export function createSmtpTransport(settings: SmtpSettings, options: { pool: boolean }): Transport {
  const common = {
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    tls: { rejectUnauthorized: !settings.allowSelfSigned },
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
    // Attachments come from step input only: never let a message read local files or fetch URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (options.pool) return nodemailer.createTransport({ ...common, pool: true, maxConnections: 3, maxMessages: 100 });
  return nodemailer.createTransport(common);
}

/** The cached pooled transport for these settings, created on first use. */
export function smtpPool(settings: SmtpSettings): Transport {
  const identity = [settings.host, settings.port, settings.secure, settings.user ?? '', settings.password ?? '', settings.allowSelfSigned];
  const key = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  const found = pools.get(key);
  if (found) {
    pools.delete(key);
    pools.set(key, found);
    return found;
  }
  const transport = createSmtpTransport(settings, { pool: true });
  pools.set(key, transport);
  if (pools.size > MAX_POOLS) {
    const [oldestKey, oldest] = pools.entries().next().value as [string, Transport];
    pools.delete(oldestKey);
    oldest.close();
  }
  return transport;
}

/** Closes every cached SMTP pool (server shutdown, tests). */
export function closeSmtpPools(): void {
  for (const transport of pools.values()) transport.close();
  pools.clear();
}

/** How many pools are cached (tests). */
export const smtpPoolCount = (): number => pools.size;
