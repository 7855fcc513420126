import type { Readable } from 'node:stream';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../../platform/permissions/actor.ts';
import { authorize } from '../../platform/permissions/authorize.ts';
import { DEFAULT_MAX_FILE_BYTES, type FormField, validateForm } from '../tasks/task-form.domain.ts';
import type { TasksService } from '../tasks/tasks.service.ts';
import { SNIFF_BYTES, safeFileName, sniffContentType } from './file-sniff.domain.ts';
import type { FileRow, FilesRepository } from './files.repository.ts';

/** Size of the pieces an upload is stored in. */
export const CHUNK_BYTES = 256 * 1024;
/** An upload still `uploading` after this long was abandoned (the process died mid-upload). */
const STALE_UPLOAD_MS = 60 * 60 * 1000;
/** A form upload never submitted is kept this long (someone may still be filling in the form). */
const UNSUBMITTED_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 15 * 60 * 1000;

/** What a file field holds once the upload is stored. */
export interface FileValue {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
}

/** One uploaded part of a multipart request. */
export interface UploadPart {
  filename: string;
  file: Readable & { truncated?: boolean };
}

/** Reads the request's file part, limited to `maxBytes` (UPLOAD_INVALID when there is none). */
export type PartReader = (maxBytes: number) => Promise<UploadPart>;

export interface FilesDeps {
  files: FilesRepository;
  clock: Clock;
  /** Read-and-permission checks of a task (who may see and complete it). */
  tasks: () => Pick<TasksService, 'get'>;
  log?: { warn(message: string, data?: unknown): void };
}

const tooLarge = (max: number) =>
  new AppError('FILE_TOO_LARGE', {
    status: 413,
    userMessage: `The file is larger than ${max} bytes, the limit of this field.`,
    details: { maxBytes: max },
  });

export const fileFieldInvalid = (key: string) =>
  new AppError('FILE_FIELD_INVALID', {
    status: 400,
    userMessage: `"${key}" is not a file field of this form.`,
    details: { issues: [{ in: 'querystring', path: 'field', message: 'Not a file field' }] },
  });

/** The file field `key` of a form, or FILE_FIELD_INVALID. */
export function fileFieldOf(fields: readonly FormField[], key: string | undefined): FormField {
  const field = fields.find((f) => f.key === key);
  if (field?.type !== 'file') throw fileFieldInvalid(key ?? '');
  return field;
}

/** The problem of a file of this type and size in the field, or null (the form's own check). */
function problemOf(field: FormField, value: FileValue): string | null {
  const checked = validateForm([{ ...field, required: false }], { [field.key]: value });
  return checked.ok ? null : (checked.issues[0]?.message ?? 'Not accepted');
}

/**
 * Uploaded files: stored in the database in pieces while the upload streams in, checked
 * against the field's `maxBytes` and `accept` (the type sniffed from the first bytes), served
 * to those who may see the run or task that holds them, and swept when never submitted.
 */
export function createFilesService(deps: FilesDeps) {
  const repo = deps.files;
  const iso = (offsetMs = 0) => new Date(deps.clock.now().getTime() + offsetMs).toISOString();
  let timer: NodeJS.Timeout | null = null;

  /**
   * Streams an upload into the store. Refuses a type the field does not accept (415) before
   * anything is stored, and a file over the limit (413) — its stored pieces are deleted.
   */
  async function store(field: FormField, part: UploadPart, owner: Pick<FileRow, 'form_id' | 'task_id' | 'run_id' | 'uploaded_by'>) {
    const max = field.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
    const name = safeFileName(part.filename);
    const id = newId();
    let head: Buffer[] = [];
    let headBytes = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let size = 0;
    let seq = 0;
    let contentType: string | null = null;
    let inserted = false;

    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      seq += 1;
      await repo.addChunk(id, seq, data);
    };
    // Judges the type once the first bytes are in (or the file ended): refused types store nothing.
    const judge = async (complete: boolean) => {
      contentType = sniffContentType(Buffer.concat(head, headBytes).subarray(0, SNIFF_BYTES), name, complete);
      head = [];
      const problem = problemOf(field, { fileId: id, name, size: 0, contentType });
      if (problem) {
        throw new AppError('FILE_TYPE_REFUSED', {
          status: 415,
          userMessage: `${name}: ${problem}.`,
          details: { contentType, accept: field.accept ?? [] },
        });
      }
      await repo.insert({
        id,
        name,
        content_type: contentType,
        size: 0,
        status: 'uploading',
        field_key: field.key,
        ...owner,
        created_at: iso(),
        attached_at: null,
      });
      inserted = true;
    };

    try {
      for await (const raw of part.file) {
        const chunk = raw as Buffer;
        size += chunk.length;
        if (size > max) throw tooLarge(max);
        if (contentType === null) {
          head.push(chunk);
          headBytes += chunk.length;
          if (headBytes < SNIFF_BYTES) continue;
          pending = [...head];
          pendingBytes = headBytes;
          await judge(false);
        } else {
          pending.push(chunk);
          pendingBytes += chunk.length;
        }
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      if (part.file.truncated) throw tooLarge(max);
      if (contentType === null) {
        pending = [...head];
        pendingBytes = headBytes;
        await judge(true);
      }
      await flush();
      await repo.finish(id, { size, content_type: contentType ?? 'application/octet-stream' });
    } catch (error) {
      part.file.resume();
      if (inserted) await repo.remove([id]);
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(max);
      throw error;
    }
    return { fileId: id, name, size, contentType: contentType ?? 'application/octet-stream' } satisfies FileValue;
  }

  /** Deletes abandoned uploads; keeps the files a closed task's decision holds (and marks them attached). */
  async function sweep(): Promise<{ deleted: number; attached: number }> {
    const doomed: string[] = [];
    let attached = 0;
    const now = deps.clock.now().getTime();
    for (const f of await repo.unattached(iso(-STALE_UPLOAD_MS), 1000)) {
      const age = now - new Date(f.created_at).getTime();
      if (f.status !== 'ready') doomed.push(f.id);
      else if (f.task_id) {
        // A task upload lives while its task is open; after that it stays only if the decision holds it.
        if (f.task_status === 'open' || f.task_status === 'claimed') continue;
        if (f.task_status && (await repo.heldByDecision(f.task_id, f.id))) {
          await repo.attach([f.id], null, iso());
          attached += 1;
        } else doomed.push(f.id);
      } else if (age >= UNSUBMITTED_MS) doomed.push(f.id);
    }
    await repo.remove(doomed);
    return { deleted: doomed.length, attached };
  }

  return {
    store,
    sweep,

    /** An upload to a form or to-do task by someone who may complete it; the field must be a file field of its form. */
    async uploadForTask(actor: Actor, taskId: string, fieldKey: string | undefined, part: PartReader): Promise<FileValue> {
      const task = await deps.tasks().get(actor, taskId);
      if (!task.actions.includes('complete')) {
        throw new AppError('FORBIDDEN', {
          status: 403,
          userMessage: 'Only someone who may complete this task can upload files to it.',
          details: { permission: 'tasks.work' },
        });
      }
      const field = fileFieldOf((task.form?.fields ?? []) as FormField[], fieldKey);
      return store(field, await part(field.maxBytes ?? DEFAULT_MAX_FILE_BYTES), {
        form_id: null,
        task_id: taskId,
        run_id: task.runId,
        uploaded_by: actor.userId,
      });
    },

    /**
     * The files a submission names, as stored: each must be a finished upload to this form's
     * field and not yet held by another submission. Returns the stored values, or the paths
     * of the fields whose file is not usable.
     */
    async heldBySubmission(formId: string, values: readonly (FileValue & { field: string })[]) {
      const rows = new Map((await repo.findMany(values.map((v) => v.fileId))).map((r) => [r.id, r]));
      const issues: { path: string; message: string }[] = [];
      const files: (FileValue & { field: string })[] = [];
      for (const v of values) {
        const row = rows.get(v.fileId);
        if (!row || row.form_id !== formId || row.field_key !== v.field || row.status !== 'ready' || row.attached_at !== null) {
          issues.push({ path: `data.${v.field}`, message: 'Upload the file again' });
        } else files.push({ field: v.field, fileId: row.id, name: row.name, size: Number(row.size), contentType: row.content_type });
      }
      return { files, issues };
    },

    attach: (ids: readonly string[], runId: string) => repo.attach(ids, runId, iso()),

    /** A file's metadata and content, for someone who may see the run or task that holds it. */
    async download(actor: Actor, id: string) {
      const row = await repo.find(id);
      const missing = new AppError('FILE_NOT_FOUND', { status: 404, userMessage: 'There is no such file, or it was never submitted.' });
      if (row?.status !== 'ready') throw missing;
      if (row.attached_at !== null && row.run_id !== null) authorize(actor, 'workflows.read');
      else if (row.task_id !== null) {
        // Not yet held by a decision: only those who may see the task (the uploader among them).
        if (row.uploaded_by !== actor.userId) await deps.tasks().get(actor, row.task_id);
      } else throw missing;
      const chunks = await repo.chunkCount(id);
      async function* content() {
        for (let seq = 1; seq <= chunks; seq++) {
          const data = await repo.chunk(id, seq);
          if (data) yield Buffer.from(data);
        }
      }
      return { name: row.name, contentType: row.content_type, size: Number(row.size), content };
    },

    start() {
      if (timer) return;
      timer = setInterval(() => {
        void sweep().catch((error) => deps.log?.warn('sweeping abandoned uploads failed', { error: String(error) }));
      }, SWEEP_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
