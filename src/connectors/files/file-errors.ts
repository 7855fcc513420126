import { AppError } from '../../platform/errors.ts';

export const fileNotFound = (given: string, why = 'there is no such file or folder') =>
  new AppError('FILE_NOT_FOUND', {
    status: 404,
    userMessage: `"${given}": ${why}.`,
    details: { path: given },
    retryable: false,
  });

export const fileExists = (given: string) =>
  new AppError('FILE_EXISTS', {
    status: 409,
    userMessage: `"${given}" already exists; allow overwriting or choose another name.`,
    details: { path: given },
    retryable: false,
  });

export const isMissing = (error: unknown) => (error as { code?: string } | null)?.code === 'ENOENT';
