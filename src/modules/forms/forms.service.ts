import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type WorkflowDefinition, workflowDefinition } from '../../engine/definition/workflow-definition.schemas.ts';
import type { Engine } from '../../engine/runtime/engine.ts';
import type { AuditLog } from '../../platform/audit-log/audit-log.service.ts';
import type { SecretBox } from '../../platform/auth/secret-box.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { createRateLimiter } from '../../platform/rate-limiter.ts';
import { DEFAULT_MAX_FILE_BYTES, validateForm } from '../tasks/task-form.domain.ts';
import { type FilesService, fileFieldOf, type PartReader } from './files.service.ts';
import { type FormTriggerConfig, formTriggerConfig } from './form-trigger.ts';
import { fileValuesOf, formTokenFrom, formUrl, hashToken, isSpam, looksLikeToken, publicFields, TOKEN_BYTES } from './forms.domain.ts';
import { createFormsRepository, type FormLinkTarget } from './forms.repository.ts';
import type { FormLinkView, PublicForm, SubmitBody } from './forms.schemas.ts';

/** Requests allowed per minute: writes (submissions and uploads) and reads per client address, writes per form. */
export interface FormLimits {
  writesPerIp: number;
  readsPerIp: number;
  writesPerForm: number;
}
export const DEFAULT_FORM_LIMITS: FormLimits = { writesPerIp: 30, readsPerIp: 120, writesPerForm: 600 };

export interface FormsDeps {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  secretBox: SecretBox;
  engine: () => Pick<Engine, 'startRun'>;
  files: FilesService;
  publicUrl?: string | undefined;
  limits?: FormLimits;
  /** Random bytes for tokens (tests may fix them). */
  random?: (bytes: number) => Uint8Array;
}

/** One answer for unknown, forged, rotated and disabled links: nothing tells a valid token apart. */
const formNotFound = () => new AppError('FORM_NOT_FOUND', { status: 404, userMessage: 'This form does not exist or is no longer open.' });

const rateLimited = (wait: number) =>
  new AppError('RATE_LIMITED', {
    status: 429,
    userMessage: `Too many submissions. Try again in ${wait} seconds.`,
    details: { retryAfterSeconds: wait },
  });

const idCursor = z.object({ i: z.string() });

const formTriggerOf = (def: WorkflowDefinition) => def.nodes.find((n) => n.type === 'trigger.form');

/**
 * Public form links: a workflow whose live version starts with a form trigger gets one when it
 * is published. Builders list, rotate, disable and enable them; anyone with the link sees the
 * form and submits it, which starts a run of the live version.
 */
export function createFormsService(deps: FormsDeps) {
  const repo = createFormsRepository(deps.db);
  const limits = deps.limits ?? DEFAULT_FORM_LIMITS;
  const random = deps.random ?? ((n: number) => randomBytes(n));
  const now = () => deps.clock.now().toISOString();
  const ipWrites = createRateLimiter({ max: limits.writesPerIp, windowMs: 60_000, clock: deps.clock });
  const ipReads = createRateLimiter({ max: limits.readsPerIp, windowMs: 60_000, clock: deps.clock });
  const formWrites = createRateLimiter({ max: limits.writesPerForm, windowMs: 60_000, clock: deps.clock });
  const configs = new Map<string, FormTriggerConfig | null>();

  /** The form trigger's settings of a live version (parsed once per version). */
  function configOf(versionId: string, definitionJson: string): FormTriggerConfig | null {
    if (configs.has(versionId)) return configs.get(versionId) ?? null;
    const node = formTriggerOf(workflowDefinition.parse(JSON.parse(definitionJson)));
    const parsed = node ? formTriggerConfig.safeParse(node.config ?? {}) : null;
    const config = parsed?.success ? parsed.data : null;
    if (configs.size > 10_000) configs.clear();
    configs.set(versionId, config);
    return config;
  }

  /** The token in clear; null when it cannot be unsealed (the secret key changed): rotating makes a new one. */
  const tokenOf = (row: FormLinkTarget): string | null => {
    try {
      return deps.secretBox.open(row.token_sealed, row.id);
    } catch {
      return null;
    }
  };

  function view(row: FormLinkTarget): FormLinkView {
    const config = row.version_id && row.definition_json ? configOf(row.version_id, row.definition_json) : null;
    const token = tokenOf(row);
    return {
      id: row.id,
      workflowId: row.workflow_id,
      workflowName: row.workflow_name,
      title: config?.title ?? null,
      url: token === null ? null : formUrl(deps.publicUrl, token),
      token,
      enabled: row.enabled === 1,
      live: row.workflow_status === 'active' && config !== null,
      submissions: Number(row.submissions),
      spamBlocked: Number(row.spam_blocked),
      lastSubmissionAt: row.last_submission_at,
      createdAt: row.created_at,
      rotatedAt: row.rotated_at,
    };
  }

  const newToken = (id: string) => {
    const token = formTokenFrom(random(TOKEN_BYTES));
    return { token_hash: hashToken(token), token_sealed: deps.secretBox.seal(token, id) };
  };

  /** The live form behind a token, or FORM_NOT_FOUND (also when disabled or no longer a form). */
  async function resolve(token: string) {
    if (!looksLikeToken(token)) throw formNotFound();
    const row = await repo.findByTokenHash(hashToken(token));
    if (row?.enabled !== 1 || row.workflow_status !== 'active' || !row.version_id || !row.definition_json) throw formNotFound();
    const config = configOf(row.version_id, row.definition_json);
    if (!config) throw formNotFound();
    return { row, config, versionId: row.version_id };
  }

  function limitIp(limiter: typeof ipWrites, ip: string) {
    const wait = limiter.hit(ip);
    if (wait > 0) throw rateLimited(wait);
  }
  function limitForm(id: string) {
    const wait = formWrites.hit(id);
    if (wait > 0) throw rateLimited(wait);
  }

  async function change(actor: Actor, id: string, action: 'rotate' | 'enable' | 'disable'): Promise<FormLinkView> {
    authorize(actor, 'workflows.publish');
    await deps.db.transaction().execute(async (trx) => {
      const before = await repo.find(id, trx);
      if (!before) throw notFound('Form link', id);
      const at = now();
      const patch =
        action === 'rotate'
          ? { ...newToken(id), rotated_at: at, updated_at: at }
          : { enabled: action === 'enable' ? 1 : 0, updated_at: at };
      await repo.update(id, patch, trx);
      await deps.audit.record(trx, actor, {
        action: `form_link.${action}`,
        objectType: 'form_link',
        objectId: id,
        // Never the token itself: the audit log is readable by more people than the link is meant for.
        before: { enabled: before.enabled === 1, rotatedAt: before.rotated_at, workflowId: before.workflow_id },
        after: {
          enabled: action === 'rotate' ? before.enabled === 1 : action === 'enable',
          rotatedAt: action === 'rotate' ? at : before.rotated_at,
        },
      });
    });
    configs.clear();
    const row = await repo.find(id);
    if (!row) throw notFound('Form link', id);
    return view(row);
  }

  return {
    /** Gives a workflow being published a form link when its definition starts with a form trigger (in the publish transaction). */
    async ensureLink(trx: Db, actor: Actor, workflowId: string, definition: WorkflowDefinition): Promise<void> {
      if (!formTriggerOf(definition) || (await repo.findByWorkflow(workflowId, trx))) return;
      const id = newId();
      const at = now();
      await repo.insert(
        {
          id,
          workflow_id: workflowId,
          ...newToken(id),
          enabled: 1,
          submissions: 0,
          spam_blocked: 0,
          last_submission_at: null,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
          rotated_at: null,
        },
        trx,
      );
      await deps.audit.record(trx, actor, {
        action: 'form_link.create',
        objectType: 'form_link',
        objectId: id,
        after: { workflowId, enabled: true },
      });
    },

    async list(actor: Actor, query: { limit: number; cursor?: string | undefined; workflowId?: string | undefined }) {
      authorize(actor, 'workflows.build');
      const rows = await repo.list(query.limit + 1, decodeCursor(query.cursor, idCursor)?.i, query.workflowId);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(view),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ i: last.id }) : null,
      };
    },

    async get(actor: Actor, id: string): Promise<FormLinkView> {
      authorize(actor, 'workflows.build');
      const row = await repo.find(id);
      if (!row) throw notFound('Form link', id);
      return view(row);
    },

    rotate: (actor: Actor, id: string) => change(actor, id, 'rotate'),
    enable: (actor: Actor, id: string) => change(actor, id, 'enable'),
    disable: (actor: Actor, id: string) => change(actor, id, 'disable'),

    /** The form to render for a public link. */
    async publicForm(token: string, ip: string): Promise<PublicForm> {
      limitIp(ipReads, ip);
      const { config } = await resolve(token);
      return {
        title: config.title,
        description: config.description,
        fields: publicFields(config.fields) as PublicForm['fields'],
        submitLabel: config.submitLabel,
        honeypotField: 'website',
      };
    },

    /**
     * A submission: the honeypot filled → answered as accepted, nothing started (counted);
     * every field checked (FORM_INVALID lists them, nothing started); files must be this form's
     * uploads; then one run of the live version starts — one per `submissionId`.
     */
    async submit(token: string, body: SubmitBody, ip: string) {
      limitIp(ipWrites, ip);
      const { row, config, versionId } = await resolve(token);
      limitForm(row.id);
      const answer = { accepted: true as const, message: config.successMessage, redirectUrl: config.redirectUrl ?? null };
      if (isSpam(body.website)) {
        await repo.countSpam(row.id);
        return answer;
      }
      const triggerKey = body.submissionId ? `form:${body.submissionId}` : null;
      if (triggerKey && (await repo.runOfSubmission(row.workflow_id, triggerKey))) return answer;
      const checked = validateForm(config.fields, body.data);
      const fileIssues = checked.ok
        ? await deps.files.heldBySubmission(row.id, fileValuesOf(config.fields, checked.value))
        : { files: [], issues: [] };
      const issues = checked.ok ? fileIssues.issues : checked.issues;
      if (!checked.ok || issues.length > 0) {
        throw new AppError('FORM_INVALID', {
          status: 400,
          userMessage: `Some fields are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`,
          details: { issues: issues.map((i) => ({ in: 'body', ...i })) },
        });
      }
      const data = { ...checked.value };
      for (const f of fileIssues.files) data[f.field] = { fileId: f.fileId, name: f.name, size: f.size, contentType: f.contentType };
      const submittedAt = now();
      const started = await deps.engine().startRun({
        workflowId: row.workflow_id,
        versionId,
        triggerType: 'form',
        data: { data, submittedAt, files: fileIssues.files },
        triggerKey,
        inline: true,
      });
      await deps.files.attach(
        fileIssues.files.map((f) => f.fileId),
        started.runId,
      );
      if (!started.duplicate) await repo.countSubmission(row.id, submittedAt);
      return answer;
    },

    /** An upload to a file field of a public form. */
    async upload(token: string, fieldKey: string | undefined, part: PartReader, ip: string) {
      limitIp(ipWrites, ip);
      const { row, config } = await resolve(token);
      limitForm(row.id);
      const field = fileFieldOf(config.fields, fieldKey);
      const file = await part(field.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
      return deps.files.store(field, file, { form_id: row.id, task_id: null, run_id: null, uploaded_by: null });
    },
  };
}

export type FormsService = ReturnType<typeof createFormsService>;
