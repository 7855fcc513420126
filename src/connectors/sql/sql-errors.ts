import { AppError, isAppError } from '../../platform/errors.ts';
import { authFailed, isTransientNetworkError, toConnectorError } from '../connector-errors.ts';

/** SQLSTATE classes and codes after which the same statement may work later. */
const RETRYABLE_SQLSTATE = /^(08|53|57P0[1-3]|40001|40P01|55P03)/;

export const readOnlyRefused = (detail: string) =>
  new AppError('SQL_READ_ONLY', {
    status: 400,
    userMessage: `This step is read-only and the statement would change data (${detail}); switch read-only off to allow writes.`,
    retryable: false,
  });

/**
 * A database failure as an AppError. PostgreSQL: connection problems, serialization failures,
 * deadlocks, lock timeouts and shutdowns are retryable; a refused login is CONNECTOR_AUTH_FAILED;
 * writes in a read-only transaction SQL_READ_ONLY; the rest SQL_FAILED (the statement is wrong).
 */
export function sqlError(error: unknown, what: string): AppError {
  if (isAppError(error)) return error;
  const e = error as { code?: unknown; message?: string; position?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code === '25006') return readOnlyRefused('PostgreSQL: read-only transaction');
  if (code.startsWith('28')) return authFailed(what, e.message ?? 'login refused', error);
  if (isTransientNetworkError(error) || (/^[0-9A-Z]{5}$/.test(code) && RETRYABLE_SQLSTATE.test(code))) {
    return new AppError('CONNECTOR_UNREACHABLE', {
      status: 502,
      userMessage: `${what}: ${e.message ?? 'temporary failure'} (will be retried)`,
      details: { sqlState: code || null },
      retryable: true,
      cause: error,
    });
  }
  if (/^[0-9A-Z]{5}$/.test(code) || code.startsWith('SQLITE_') || error instanceof RangeError || error instanceof TypeError) {
    return new AppError('SQL_FAILED', {
      status: 400,
      userMessage: `${what}: ${e.message ?? 'the statement failed'}`,
      details: { sqlState: code || null, position: e.position ?? null },
      retryable: code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED',
      cause: error,
    });
  }
  return toConnectorError(error, what);
}
