import { AppError } from '../../platform/errors.ts';
import { authFailed, toConnectorError } from '../connector-errors.ts';

const TRANSIENT = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EMAXLIMIT']);

/**
 * A nodemailer failure as an AppError: refused login → CONNECTOR_AUTH_FAILED; connection
 * problems and temporary SMTP replies (4xx) → retryable; permanent replies (5xx, bad
 * recipients) → not retryable.
 */
export function smtpError(error: unknown, host: string): AppError {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const what = `SMTP server ${host}`;
  if (e?.code === 'EAUTH' || e?.code === 'ENOAUTH') return authFailed(what, e.response ?? e.message ?? 'authentication failed', error);
  const temporary = typeof e?.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500;
  if (temporary || (e?.code && TRANSIENT.has(e.code))) {
    return new AppError('CONNECTOR_UNREACHABLE', {
      status: 502,
      userMessage: `${what}: ${e.response ?? e.message ?? 'temporary failure'} (will be retried)`,
      details: { code: e.code ?? null, responseCode: e.responseCode ?? null },
      retryable: true,
      cause: error,
    });
  }
  if (typeof e?.responseCode === 'number' || e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE') {
    return new AppError('CONNECTOR_FAILED', {
      status: 502,
      userMessage: `${what} refused the message: ${e.response ?? e.message}`,
      details: { code: e.code ?? null, responseCode: e.responseCode ?? null },
      retryable: false,
      cause: error,
    });
  }
  return toConnectorError(error, what);
}
