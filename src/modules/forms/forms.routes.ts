import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { responses } from '../../platform/http/responses.ts';
import {
  formIdParam,
  formLinkSchema,
  listFormsQuery,
  publicFormSchema,
  submitBody,
  submitResultSchema,
  tokenParam,
} from './forms.schemas.ts';
import type { FormsService } from './forms.service.ts';

/** Largest submission body: the values of up to 100 fields (files arrive separately). */
const SUBMIT_BODY_LIMIT = 256 * 1024;

/**
 * `/api/v1/forms`: builders' form links (list, rotate, disable, enable) and the public form
 * (`/api/v1/forms/public/{token}`, no sign-in: the token is the capability).
 */
export async function formsRoutes(app: FastifyInstance, deps: { forms: FormsService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['forms'];
  const link = responses({ 200: formLinkSchema });

  r.get(
    '/api/v1/forms',
    {
      schema: {
        tags,
        summary: 'Public form links of the workflows, with their URLs and submission counts (builders)',
        querystring: listFormsQuery,
        response: responses({ 200: pageSchema(formLinkSchema) }),
      },
    },
    async (request) => deps.forms.list(actorOf(request), request.query),
  );
  r.get('/api/v1/forms/:id', { schema: { tags, summary: 'A form link', params: formIdParam, response: link } }, async (request) =>
    deps.forms.get(actorOf(request), request.params.id),
  );
  for (const action of ['rotate', 'disable', 'enable'] as const) {
    const summary = {
      rotate: 'Replace the token: the old link answers 404 from now on',
      disable: 'Stop accepting submissions (the link answers 404)',
      enable: 'Accept submissions again',
    }[action];
    r.post(`/api/v1/forms/:id/${action}`, { schema: { tags, summary, params: formIdParam, response: link } }, async (request) =>
      deps.forms[action](actorOf(request), request.params.id),
    );
  }

  r.get(
    '/api/v1/forms/public/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The form behind a public link (no sign-in)',
        params: tokenParam,
        response: responses({ 200: publicFormSchema }),
      },
    },
    async (request) => deps.forms.publicForm(request.params.token, request.ip),
  );
  r.post(
    '/api/v1/forms/public/:token',
    {
      config: { public: true },
      bodyLimit: SUBMIT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Submit a public form: every field is checked (FORM_INVALID), then one run of the live version starts',
        params: tokenParam,
        body: submitBody,
        response: responses({ 201: submitResultSchema }),
      },
    },
    async (request, reply) => reply.status(201).send(await deps.forms.submit(request.params.token, request.body, request.ip)),
  );
}
