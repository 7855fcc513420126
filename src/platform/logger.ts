import { type Logger, pino } from 'pino';

export type { Logger };

/** The process logger. JSON lines on stdout; `level: 'silent'` in tests. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password'], remove: true },
  });
}
