import { AppError, isAppError } from '../platform/errors.ts';

/** Node socket and DNS error codes after which trying again later may work. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ESOCKET',
  'ECONNECTION',
  'ETIMEOUT',
  'NoConnection',
]);

/** Whether an HTTP status means "try again later": 429 and 5xx. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * The remote HTTP service answered with an error status. Retryable for 429 and 5xx only.
 * `shownAs` replaces the URL in the message when even its path is secret (webhook URLs).
 */
export function httpStatusError(method: string, url: string, status: number, body: string, shownAs?: string): AppError {
  const excerpt = body.length > 500 ? `${body.slice(0, 500)}…` : body;
  const auth = status === 401 || status === 403;
  return new AppError(auth ? 'CONNECTOR_AUTH_FAILED' : 'CONNECTOR_HTTP_STATUS', {
    status: 502,
    userMessage: `${method} ${shownAs ?? redactUrl(url)} answered ${status}${auth ? ' (check the credential)' : ''}${excerpt ? `: ${excerpt}` : ''}`,
    details: { status, body: excerpt },
    retryable: isRetryableStatus(status),
    expected: true,
  });
}

/** A URL without its user info and query (which may carry secrets), for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Whether an error is a network failure worth retrying (connection refused, reset, DNS hiccup…). */
export function isTransientNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code);
}

/**
 * Any error thrown inside a connector as an AppError: AppErrors pass through; network failures
 * become CONNECTOR_UNREACHABLE (retryable); anything else CONNECTOR_FAILED (not retryable).
 * `what` names the remote, e.g. "SMTP server mail.example.com".
 */
export function toConnectorError(error: unknown, what: string): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (isTransientNetworkError(error)) {
    return new AppError('CONNECTOR_UNREACHABLE', {
      status: 502,
      userMessage: `${what} could not be reached: ${message}`,
      retryable: true,
      expected: true,
      cause: error,
    });
  }
  return new AppError('CONNECTOR_FAILED', {
    status: 502,
    userMessage: `${what} failed: ${message}`,
    retryable: false,
    expected: true,
    cause: error,
  });
}

/** The credential was refused by the remote service (wrong password, no access). */
export function authFailed(what: string, message: string, cause?: unknown): AppError {
  return new AppError('CONNECTOR_AUTH_FAILED', {
    status: 502,
    userMessage: `${what} refused the credential: ${message}`,
    retryable: false,
    expected: true,
    cause,
  });
}

/** The same error with every occurrence of a secret `url` in its message replaced by `shownAs`. */
export function hideUrl(error: unknown, url: string, shownAs: string): unknown {
  if (!isAppError(error) || !error.userMessage.includes(url)) return error;
  return new AppError(error.code, {
    status: error.status,
    userMessage: error.userMessage.split(url).join(shownAs),
    retryable: error.retryable,
    expected: error.expected,
    details: null,
  });
}
