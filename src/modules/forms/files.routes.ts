import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { responses } from '../../platform/http/responses.ts';
import type { FilesService, PartReader } from './files.service.ts';
import { fieldQuery, fileIdParam, fileValueSchema, taskIdParam, tokenParam } from './forms.schemas.ts';
import type { FormsService } from './forms.service.ts';

/** The request's one file part, streamed (nothing is buffered whole), cut off past the field's limit. */
function partOf(request: FastifyRequest): PartReader {
  return async (maxBytes) => {
    let part: Awaited<ReturnType<FastifyRequest['file']>>;
    try {
      part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT') {
        throw new AppError('UPLOAD_INVALID', { status: 400, userMessage: 'Send one file as multipart/form-data.', cause: error });
      }
      throw error;
    }
    if (!part) throw new AppError('UPLOAD_INVALID', { status: 400, userMessage: 'Send one file as multipart/form-data.' });
    return part;
  };
}

const uploaded = responses({ 201: fileValueSchema });

/**
 * File uploads of public forms and of tasks (multipart/form-data, one file per request), and
 * downloads. The answer is the value the form's file field then holds.
 */
export async function filesRoutes(app: FastifyInstance, deps: { files: FilesService; forms: FormsService }): Promise<void> {
  await app.register(multipart, { limits: { files: 1, fields: 10, parts: 11, fileSize: 100 * 1024 * 1024 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/forms/public/:token/files',
    {
      config: { public: true },
      schema: {
        tags: ['forms'],
        summary: "Upload a file for a public form's file field (multipart/form-data; the field's maxBytes and accept apply)",
        params: tokenParam,
        querystring: fieldQuery,
        consumes: ['multipart/form-data'],
        response: uploaded,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.forms.upload(request.params.token, request.query.field, partOf(request), request.ip)),
  );
  r.post(
    '/api/v1/tasks/:id/files',
    {
      schema: {
        tags: ['tasks'],
        summary: "Upload a file for a task's file field (someone who may complete the task; multipart/form-data)",
        params: taskIdParam,
        querystring: fieldQuery,
        consumes: ['multipart/form-data'],
        response: uploaded,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await deps.files.uploadForTask(actorOf(request), request.params.id, request.query.field, partOf(request))),
  );
  r.get(
    '/api/v1/files/:id',
    { schema: { tags: ['files'], summary: 'Download a file (who may see the run or task that holds it)', params: fileIdParam } },
    async (request, reply) => {
      const file = await deps.files.download(actorOf(request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'private, no-store')
        .send(Readable.from(file.content()));
    },
  );
}
