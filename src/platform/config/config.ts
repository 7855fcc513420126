import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Environment variables Symbiont reads. docs/configuration.md describes each one. */
export const envSchema = z.object({
  SYMBIONT_HOST: z.string().min(1).default('127.0.0.1').describe('Address the server listens on'),
  SYMBIONT_PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('TCP port'),
  SYMBIONT_DATA_DIR: z.string().min(1).default('./data').describe('Folder for the SQLite file, secret key, backups'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('PostgreSQL connection URL; SQLite in the data dir when unset'),
  SYMBIONT_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43,}$/, 'must be at least 32 random bytes, base64url (43+ characters)')
    .optional()
    .describe('Signs sessions and encrypts credentials; generated into the data dir when unset'),
  SYMBIONT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SYMBIONT_TRUST_PROXY: booleanFlag.default(false).describe('Trust X-Forwarded-* headers from a reverse proxy'),
  SYMBIONT_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  SYMBIONT_PUBLIC_URL: z.string().url().optional().describe('External URL, used in links and to decide Secure cookies'),
  SYMBIONT_TASK_LINK_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .describe('Days a task e-mail’s one-click link works (at most until its task expires)'),
  SYMBIONT_HTTP_ALLOW: z
    .string()
    .regex(/^[\w.:/,\s-]*$/, 'must be a comma list of CIDR ranges or host names')
    .optional()
    .describe('Private addresses outbound requests may reach: CIDR ranges or host names, comma-separated'),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  database: { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };
  secretKey: Buffer;
  logLevel: Env['SYMBIONT_LOG_LEVEL'];
  trustProxy: boolean;
  bodyLimit: number;
  publicUrl: string | undefined;
  /** SSRF allowlist for the guarded HTTP client. */
  httpAllow: string[];
  /** Days a task e-mail's one-click link works. */
  taskLinkDays: number;
}

/** Parses the environment; throws CONFIG_INVALID naming every bad variable. */
export function parseEnv(env: NodeJS.ProcessEnv): Env {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const result = envSchema.safeParse(picked);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '?'),
      message: issue.message,
    }));
    const text = problems.map((p) => `${p.variable}: ${p.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', {
      status: 500,
      userMessage: `Invalid environment variable ${text}`,
      details: { problems },
      expected: true,
    });
  }
  return result.data;
}

/** Reads the secret key from the env, else from `<dataDir>/secret.key`, creating it once. */
export function loadSecretKey(env: Env, dataDir: string): Buffer {
  if (env.SYMBIONT_SECRET_KEY) return Buffer.from(env.SYMBIONT_SECRET_KEY, 'base64url');
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    const key = Buffer.from(text, 'base64url');
    if (key.length < 32) {
      throw new AppError('CONFIG_INVALID', {
        status: 500,
        userMessage: `The secret key in ${file} is shorter than 32 bytes; restore it from a backup.`,
        expected: true,
      });
    }
    return key;
  }
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** Loads the whole configuration; creates the data dir and secret key on first start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = parseEnv(env);
  const dataDir = path.resolve(parsed.SYMBIONT_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    host: parsed.SYMBIONT_HOST,
    port: parsed.SYMBIONT_PORT,
    dataDir,
    database: parsed.DATABASE_URL
      ? { dialect: 'postgres', url: parsed.DATABASE_URL }
      : { dialect: 'sqlite', file: path.join(dataDir, 'symbiont.db') },
    secretKey: loadSecretKey(parsed, dataDir),
    logLevel: parsed.SYMBIONT_LOG_LEVEL,
    trustProxy: parsed.SYMBIONT_TRUST_PROXY,
    bodyLimit: parsed.SYMBIONT_BODY_LIMIT,
    publicUrl: parsed.SYMBIONT_PUBLIC_URL,
    taskLinkDays: parsed.SYMBIONT_TASK_LINK_DAYS,
    httpAllow: (parsed.SYMBIONT_HTTP_ALLOW ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/**
 * The base of absolute links the server sends out (task e-mails): SYMBIONT_PUBLIC_URL, else
 * the address it listens on (fine on one machine; set SYMBIONT_PUBLIC_URL for everyone else).
 */
export function linkBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  const host =
    config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}
