import { z } from 'zod';
import { findCredentialType } from '../../connectors/registry.ts';
import type { ConnectorLog, CredentialType } from '../../connectors/sdk.ts';
import { type Db, isUniqueViolation } from '../../platform/db/database.ts';
import { dialectOf } from '../../platform/db/dialect-of.ts';
import { AppError, isAppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { createCredentialLimitsRepository } from './credential-limits.repository.ts';
import { limitOfRow, loadLimits, saveLimit } from './credential-limits.service.ts';
import type { CredentialsDeps } from './credentials.deps.ts';
import { auditView, changedFields, type FieldValues, maskFields, mergeFields, rateLimitChanged } from './credentials.domain.ts';
import { type CredentialRow, createCredentialsRepository } from './credentials.repository.ts';
import { type CredentialView, rateLimitSchema, type TestResult } from './credentials.schemas.ts';
import type { RateLimit } from './rate-limit.domain.ts';

const nameCursor = z.object({ name: z.string(), id: z.string() });

const silentLog: ConnectorLog = { info() {}, warn() {}, error() {} };

const nameTaken = (name: string) =>
  new AppError('CREDENTIAL_NAME_TAKEN', {
    status: 409,
    userMessage: `A credential called "${name}" already exists.`,
    details: { issues: [{ in: 'body', path: 'name', message: 'Already in use' }] },
  });

function typeOf(key: string): CredentialType {
  const type = findCredentialType(key);
  if (!type) {
    throw new AppError('CREDENTIAL_TYPE_UNKNOWN', {
      status: 400,
      userMessage: `There is no credential type "${key}"; GET /api/v1/connectors lists them.`,
      details: { issues: [{ in: 'body', path: 'type', message: 'Unknown credential type' }] },
    });
  }
  return type;
}

/** The values checked against the type's fields: unknown fields and wrong values are named, never echoed. */
function validFields(type: CredentialType, values: FieldValues): FieldValues {
  const known = Object.keys(type.fields.shape);
  const issues: { in: string; path: string; message: string }[] = Object.keys(values)
    .filter((k) => !known.includes(k))
    .map((k) => ({ in: 'body', path: `fields.${k}`, message: `Unknown field; ${type.key} has ${known.join(', ')}` }));
  const parsed = type.fields.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.push({ in: 'body', path: ['fields', ...i.path.map(String)].join('.'), message: i.message });
  }
  if (issues.length > 0 || !parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      status: 400,
      userMessage: `Some fields of the ${type.title} credential are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      details: { issues },
    });
  }
  return parsed.data as FieldValues;
}

/** The rate limit checked here too (the CLI and other callers skip the routes' schemas); null stays null. */
function validRateLimit(value: RateLimit | null | undefined): RateLimit | null | undefined {
  if (value === undefined || value === null) return value;
  const parsed = rateLimitSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ in: 'body', path: ['rateLimit', ...i.path.map(String)].join('.'), message: i.message }));
  throw new AppError('VALIDATION_FAILED', {
    status: 400,
    userMessage: `The rate limit is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    details: { issues },
  });
}

/**
 * Connector credentials, sealed at rest with the secret box (bound to their row id). Builders,
 * programme managers and administrators (global roles) see and manage them; everyone else gets
 * FORBIDDEN. The API never returns a secret field, and audit entries name fields, never values.
 */
export function createCredentialsService(deps: CredentialsDeps) {
  const repo = createCredentialsRepository(deps.db);
  const dialect = dialectOf(deps.db);
  const limits = createCredentialLimitsRepository(deps.db, dialect);

  function open(row: CredentialRow): FieldValues {
    try {
      return JSON.parse(deps.secretBox.open(row.data_sealed, row.id)) as FieldValues;
    } catch (error) {
      throw new AppError('CREDENTIAL_UNREADABLE', {
        status: 500,
        userMessage: `The credential "${row.name}" cannot be decrypted: the secret key changed or the stored value was tampered with. Enter its values again.`,
        details: { id: row.id },
        expected: false,
        cause: error,
      });
    }
  }

  const seal = (id: string, values: FieldValues) => deps.secretBox.seal(JSON.stringify(values), id);

  function toView(row: CredentialRow, values: FieldValues, rateLimit: RateLimit | null): CredentialView {
    const type = findCredentialType(row.type);
    const all = type ? Object.keys(type.fields.shape) : Object.keys(values);
    return {
      id: row.id,
      name: row.name,
      type: row.type,
      typeTitle: type?.title ?? row.type,
      fields: maskFields(values, type?.secretFields ?? all, all),
      rateLimit,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function load(id: string, trx: Db = deps.db): Promise<CredentialRow> {
    const row = await repo.findById(id, trx);
    if (!row) throw notFound('Credential', id);
    return row;
  }

  async function guardName<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  }

  async function runTest(type: CredentialType, values: FieldValues): Promise<TestResult> {
    const started = Date.now();
    const signal = AbortSignal.timeout(deps.testTimeoutMs ?? 20_000);
    const done = (ok: boolean, code: string | null, message: string): TestResult => ({
      ok,
      code,
      message,
      durationMs: Date.now() - started,
    });
    try {
      await type.test(type.fields.parse(values), {
        signal,
        log: deps.log ?? silentLog,
        http: deps.http,
        now: () => deps.clock.now(),
        filesRoot: deps.filesRoot,
      });
      return done(true, null, `The ${type.title} credential works.`);
    } catch (error) {
      if (signal.aborted) return done(false, 'CONNECTOR_UNREACHABLE', `No answer within ${deps.testTimeoutMs ?? 20_000} ms.`);
      if (isAppError(error)) return done(false, error.code, error.userMessage);
      return done(false, 'CONNECTOR_FAILED', error instanceof Error ? error.message : String(error));
    }
  }

  return {
    async create(
      actor: Actor,
      input: { name: string; type: string; fields: FieldValues; rateLimit?: RateLimit | null | undefined },
    ): Promise<CredentialView> {
      authorize(actor, 'credentials.manage');
      const type = typeOf(input.type);
      const values = validFields(type, input.fields);
      const rateLimit = validRateLimit(input.rateLimit) ?? null;
      return guardName(input.name, () =>
        deps.db.transaction().execute(async (trx) => {
          const now = deps.clock.now().toISOString();
          const id = newId();
          const row: CredentialRow = {
            id,
            name: input.name,
            type: type.key,
            data_sealed: seal(id, values),
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          };
          await repo.insert(row, trx);
          await saveLimit(trx, dialect, id, rateLimit, now);
          await deps.audit.record(trx, actor, {
            action: 'credential.create',
            objectType: 'credential',
            objectId: id,
            after: auditView({ name: row.name, type: row.type, values, rateLimit }),
          });
          return toView(row, values, rateLimit);
        }),
      );
    },

    async list(actor: Actor, query: { q?: string | undefined; type?: string | undefined; limit: number; cursor?: string | undefined }) {
      authorize(actor, 'credentials.read');
      const rows = await repo.list(query, query.limit + 1, decodeCursor(query.cursor, nameCursor));
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const rateLimits = await loadLimits(
        deps.db,
        dialect,
        page.map((r) => r.id),
      );
      return {
        items: page.map((row) => toView(row, open(row), rateLimits.get(row.id) ?? null)),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
      };
    },

    async get(actor: Actor, id: string): Promise<CredentialView> {
      authorize(actor, 'credentials.read');
      const row = await load(id);
      return toView(row, open(row), limitOfRow(await limits.find(id)));
    },

    async update(
      actor: Actor,
      id: string,
      patch: { name?: string | undefined; fields?: FieldValues | undefined; rateLimit?: RateLimit | null | undefined },
    ): Promise<CredentialView> {
      authorize(actor, 'credentials.manage');
      const rateLimit = validRateLimit(patch.rateLimit);
      return guardName(patch.name ?? '', () =>
        deps.db.transaction().execute(async (trx) => {
          const row = await load(id, trx);
          const type = typeOf(row.type);
          const before = open(row);
          const values = patch.fields ? validFields(type, mergeFields(before, patch.fields)) : before;
          const next: CredentialRow = {
            ...row,
            name: patch.name ?? row.name,
            data_sealed: patch.fields ? seal(id, values) : row.data_sealed,
            updated_at: deps.clock.now().toISOString(),
          };
          await repo.update(id, { name: next.name, data_sealed: next.data_sealed, updated_at: next.updated_at }, trx);
          const limitBefore = limitOfRow(await limits.find(id, trx));
          const limitAfter = rateLimit === undefined ? limitBefore : rateLimit;
          if (rateLimitChanged(limitBefore, limitAfter)) await saveLimit(trx, dialect, id, limitAfter, next.updated_at);
          await deps.audit.record(trx, actor, {
            action: 'credential.update',
            objectType: 'credential',
            objectId: id,
            before: auditView({ name: row.name, type: row.type, values: before, rateLimit: limitBefore }),
            after: {
              ...auditView({ name: next.name, type: next.type, values, rateLimit: limitAfter }),
              changedFields: changedFields(before, values),
            },
          });
          return toView(next, values, limitAfter);
        }),
      );
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'credentials.manage');
      await deps.db.transaction().execute(async (trx) => {
        const row = await load(id, trx);
        let fieldsSetBefore: FieldValues = {};
        try {
          fieldsSetBefore = open(row);
        } catch {
          // An unreadable credential can still be deleted; the entry then lists no fields.
        }
        const rateLimit = limitOfRow(await limits.find(id, trx));
        await saveLimit(trx, dialect, id, null, deps.clock.now().toISOString());
        await repo.delete(id, trx);
        await deps.audit.record(trx, actor, {
          action: 'credential.delete',
          objectType: 'credential',
          objectId: id,
          before: auditView({ name: row.name, type: row.type, values: fieldsSetBefore, rateLimit }),
        });
      });
    },

    /** Tries a stored credential against its service (SMTP login, IMAP login, `select 1`…). */
    async test(actor: Actor, id: string): Promise<TestResult> {
      authorize(actor, 'credentials.manage');
      const row = await load(id);
      return runTest(typeOf(row.type), open(row));
    },

    /** Tries values before they are saved (the form's "Test" button). */
    async testValues(actor: Actor, input: { type: string; fields: FieldValues }): Promise<TestResult> {
      authorize(actor, 'credentials.manage');
      const type = typeOf(input.type);
      return runTest(type, validFields(type, input.fields));
    },

    /**
     * The decrypted values of a credential, for the engine running a step that names it. No
     * actor: the engine checked the workflow when it was published. `expectedType` guards
     * against a node naming a credential of another type (CREDENTIAL_TYPE_MISMATCH).
     */
    async resolveForRun(id: string, expectedType?: string): Promise<{ id: string; name: string; type: string; values: FieldValues }> {
      const row = await repo.findById(id);
      if (!row)
        throw new AppError('NOT_FOUND', {
          status: 404,
          userMessage: `The credential ${id} no longer exists; choose another one in the step.`,
          details: { id },
          retryable: false,
        });
      if (expectedType !== undefined && row.type !== expectedType) {
        throw new AppError('CREDENTIAL_TYPE_MISMATCH', {
          status: 400,
          userMessage: `The credential "${row.name}" is of type ${row.type}, but this step needs ${expectedType}.`,
          details: { id, type: row.type, expectedType },
          retryable: false,
        });
      }
      return { id: row.id, name: row.name, type: row.type, values: open(row) };
    },
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
