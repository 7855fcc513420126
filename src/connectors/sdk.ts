import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import type { GuardedHttpClient } from '../platform/http-client/guarded-client.ts';

/** The guarded outbound HTTP client (src/platform/http-client/guarded-client.ts). */
export type GuardedClient = GuardedHttpClient;

export interface ConnectorLog {
  info(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
  error(msg: string, data?: unknown): void;
}

/** What an action runs with; built by the engine for every step attempt. */
export interface ActionContext {
  /** Aborted on step timeout or run cancellation. */
  signal: AbortSignal;
  log: ConnectorLog;
  /** ALL outbound HTTP goes through it (SSRF rules, deadlines, size limits). */
  http: GuardedClient;
  /** Stable across retries of the same step attempt-chain; send it where the remote supports it. */
  idempotencyKey: string;
  /** The decrypted credential fields, when the node names a credential. */
  credential: Record<string, unknown> | null;
  now: () => Date;
  /** The only folder the files connector (and file paths of other connectors) may touch. */
  filesRoot: string;
}

export interface ActionDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** lower-case a-z, 0-9, _ ; unique in its connector. The node type is `connector.<connector>.<key>`. */
  key: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** The credential type (key) this action uses, and whether a node must name one. */
  credential?: { type: string; required: boolean };
  run(input: z.output<I>, ctx: ActionContext): Promise<z.input<O>>;
}

export interface PollContext extends ActionContext {
  /** The state returned by the previous poll (null at first). */
  state: unknown;
}

export interface TriggerDefinition<C extends z.ZodType = z.ZodType> {
  key: string;
  title: string;
  description: string;
  config: C;
  credential?: { type: string; required: boolean };
  /** Returns new items since `state` (each becomes one run, with a stable `dedupeKey`) and the next state. Must be idempotent for the same state. */
  poll(config: z.output<C>, ctx: PollContext): Promise<{ items: { dedupeKey: string; data: unknown }[]; state: unknown }>;
}

export interface CredentialType<F extends z.ZodObject = z.ZodObject> {
  /** Unique across all connectors, e.g. `smtp`. */
  key: string;
  title: string;
  fields: F;
  /** Never returned by the API; shown as `{ "set": true }`. */
  secretFields: string[];
  /** Throws an AppError with a clear message when the credential does not work. */
  test(values: z.output<F>, ctx: Omit<ActionContext, 'credential' | 'idempotencyKey'>): Promise<void>;
}

export interface ConnectorDefinition {
  key: string;
  title: string;
  description: string;
  credentials: CredentialType[];
  actions: ActionDefinition[];
  triggers: TriggerDefinition[];
}

const KEY = /^[a-z][a-z0-9_]{0,62}$/;

function checkKey(kind: string, key: string): void {
  if (!KEY.test(key)) throw new Error(`${kind} key "${key}" must be lower-case a-z, 0-9 and _ (starting with a letter)`);
}

function checkUnique(kind: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) throw new Error(`${kind} key "${key}" is used twice`);
    seen.add(key);
  }
}

/**
 * Declares a connector. Checks keys (lower-case a-z0-9_) and that action, trigger and
 * credential keys are unique, so a broken connector fails at start-up, not in a run.
 *
 * @example
 * export const csvConnector = defineConnector({
 *   key: 'csv', title: 'CSV', description: 'Parse and build CSV text',
 *   credentials: [], actions: [parseCsv, buildCsv], triggers: [],
 * });
 */
export function defineConnector(def: ConnectorDefinition): ConnectorDefinition {
  checkKey('Connector', def.key);
  for (const a of def.actions) checkKey(`Action ${def.key}.`, a.key);
  for (const t of def.triggers) checkKey(`Trigger ${def.key}.`, t.key);
  for (const c of def.credentials) checkKey('Credential type', c.key);
  checkUnique(
    `Action of ${def.key}`,
    def.actions.map((a) => a.key),
  );
  checkUnique(
    `Trigger of ${def.key}`,
    def.triggers.map((t) => t.key),
  );
  checkUnique(
    'Credential type',
    def.credentials.map((c) => c.key),
  );
  return def;
}

/**
 * Declares an action: typed input and output schemas (`.describe()` every field; the UI builds
 * its form from them) and `run`, which receives parsed input. Never retry inside `run`; throw an
 * AppError with `retryable` set and the engine decides.
 *
 * @example
 * export const parseCsv = defineAction({
 *   key: 'parse', title: 'Parse CSV', description: 'Turns CSV text into rows',
 *   input: z.object({ text: z.string().describe('CSV text') }),
 *   output: z.object({ rows: z.array(z.unknown()).describe('Rows') }),
 *   async run(input) { return { rows: parse(input.text) }; },
 * });
 */
export function defineAction<I extends z.ZodType, O extends z.ZodType>(def: ActionDefinition<I, O>): ActionDefinition<I, O> {
  checkKey('Action', def.key);
  return def;
}

/**
 * Declares a polling trigger. `poll` must return the same items for the same state.
 *
 * @example
 * export const newEmail = defineTrigger({
 *   key: 'new_email', title: 'New e-mail', description: 'Starts a run per new message',
 *   config: z.object({ folder: z.string().default('INBOX').describe('Folder') }),
 *   async poll(config, ctx) { return { items: [], state: ctx.state }; },
 * });
 */
export function defineTrigger<C extends z.ZodType>(def: TriggerDefinition<C>): TriggerDefinition<C> {
  checkKey('Trigger', def.key);
  return def;
}

/**
 * Declares a credential type. Every name in `secretFields` must be a field.
 *
 * @example
 * export const smtpCredential = defineCredentialType({
 *   key: 'smtp', title: 'SMTP server', secretFields: ['password'],
 *   fields: z.object({ host: z.string().describe('Host'), password: z.string().describe('Password') }),
 *   async test(values, ctx) { await verify(values); },
 * });
 */
export function defineCredentialType<F extends z.ZodObject>(def: CredentialType<F>): CredentialType<F> {
  checkKey('Credential type', def.key);
  for (const field of def.secretFields) {
    if (!(field in def.fields.shape)) throw new Error(`Credential type ${def.key}: secret field "${field}" is not a field`);
  }
  return def;
}

/**
 * JSON Schema (draft 2020-12) of a zod schema, for the UI's generated forms. Input schemas are
 * converted as input (fields with defaults are optional); transforms become their input type.
 */
export function toJsonSchema(schema: z.ZodType, options: { io?: 'input' | 'output' } = {}): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: options.io ?? 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The JSON Schema of a credential type's fields, secret fields marked `"writeOnly": true`. */
export function credentialJsonSchema(type: CredentialType): Record<string, unknown> {
  const schema = toJsonSchema(type.fields);
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const field of type.secretFields) {
    const property = properties[field];
    if (property) property.writeOnly = true;
  }
  return schema;
}

/**
 * The node's credential, parsed with its type's fields. Throws CREDENTIAL_REQUIRED when the
 * node names none, CREDENTIAL_INVALID when the stored values no longer fit the type.
 */
export function requireCredential<F extends z.ZodObject>(ctx: Pick<ActionContext, 'credential'>, type: CredentialType<F>): z.output<F> {
  if (!ctx.credential) {
    throw new AppError('CREDENTIAL_REQUIRED', {
      status: 400,
      userMessage: `This step needs a "${type.title}" credential; choose one in the step's settings.`,
      details: { credentialType: type.key },
      retryable: false,
    });
  }
  return parseCredential(type, ctx.credential);
}

/** Like requireCredential, but null when the node names no credential. */
export function optionalCredential<F extends z.ZodObject>(
  ctx: Pick<ActionContext, 'credential'>,
  type: CredentialType<F>,
): z.output<F> | null {
  return ctx.credential ? parseCredential(type, ctx.credential) : null;
}

/** Parses credential values with the type's fields; CREDENTIAL_INVALID names the fields (never their values). */
export function parseCredential<F extends z.ZodObject>(type: CredentialType<F>, values: unknown): z.output<F> {
  const parsed = type.fields.safeParse(values);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('CREDENTIAL_INVALID', {
    status: 400,
    userMessage: `The "${type.title}" credential is incomplete or wrong: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
    details: { credentialType: type.key, issues },
    retryable: false,
  });
}
