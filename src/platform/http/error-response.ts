import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
  requestId: string;
}

/** Maps anything thrown while handling a request to an AppError with a stable code. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      in: error.validationContext ?? 'body',
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message ?? 'Invalid value',
    }));
    return new AppError('VALIDATION_FAILED', {
      status: 400,
      userMessage: `Some fields are not valid: ${issues.map((i) => `${i.path || i.in}: ${i.message}`).join('; ')}`,
      details: { issues },
    });
  }
  const fe = error as FastifyError & { type?: string };
  switch (fe?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { status: 413, userMessage: 'The request body is too large.' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', {
        status: 415,
        userMessage: 'Send the request body as application/json.',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('MALFORMED_JSON', { status: 400, userMessage: 'The request body is not valid JSON.' });
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError('MALFORMED_JSON', {
      status: 400,
      userMessage: `The request body is not valid JSON: ${error.message}`,
    });
  }
  if (fe?.statusCode === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', { status: 413, userMessage: 'The request body is too large.' });
  }
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('BAD_REQUEST', { status: fe.statusCode, userMessage: fe.message });
  }
  return new AppError('INTERNAL', {
    status: 500,
    userMessage: 'Something went wrong on the server. The request id helps the administrator find it in the log.',
    cause: error,
    expected: false,
  });
}

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return { error: { code: error.code, message: error.userMessage, details: error.details ?? null }, requestId };
}
