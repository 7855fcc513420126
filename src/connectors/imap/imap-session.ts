import { ImapFlow } from 'imapflow';
import { AppError, isAppError } from '../../platform/errors.ts';
import { authFailed, isTransientNetworkError } from '../connector-errors.ts';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  allowSelfSigned: boolean;
}

const TRANSIENT = new Set([
  'NoConnection',
  'EConnectionClosed',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'ETHROTTLE',
]);

/** An imapflow failure as an AppError: refused login, unreachable (retryable), missing folder, other. */
export function imapError(error: unknown, host: string): AppError {
  if (isAppError(error)) return error;
  const e = error as {
    code?: string;
    authenticationFailed?: boolean;
    mailboxMissing?: boolean;
    responseText?: string;
    message?: string;
    path?: string;
  };
  const what = `IMAP server ${host}`;
  const message = e?.responseText ?? e?.message ?? 'failed';
  if (e?.authenticationFailed) return authFailed(what, message, error);
  if (e?.mailboxMissing) {
    return new AppError('CONNECTOR_FAILED', {
      status: 502,
      userMessage: `${what}: there is no folder "${e.path ?? ''}".`,
      retryable: false,
      cause: error,
    });
  }
  const transient = isTransientNetworkError(error) || (e?.code !== undefined && TRANSIENT.has(e.code));
  return new AppError(transient ? 'CONNECTOR_UNREACHABLE' : 'CONNECTOR_FAILED', {
    status: 502,
    userMessage: `${what}: ${message}`,
    retryable: transient,
    cause: error,
  });
}

/** Connects and logs in, runs `work`, logs out; the connection is dropped when `signal` aborts. */
export async function withImap<T>(settings: ImapSettings, signal: AbortSignal, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  signal.throwIfAborted();
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    tls: { rejectUnauthorized: !settings.allowSelfSigned },
    logger: false,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  // A dropped connection is reported through the pending command; the event must not crash the process.
  client.on('error', () => {});
  const onAbort = () => client.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    const result = await work(client);
    await client.logout();
    return result;
  } catch (error) {
    client.close();
    if (signal.aborted) throw signal.reason;
    throw imapError(error, settings.host);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
