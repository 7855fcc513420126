import { z } from 'zod';
import { httpStatusError } from '../connector-errors.ts';
import { defineAction, optionalCredential } from '../sdk.ts';
import { authHeaders, httpAuthCredential } from './http-auth.credential.ts';
import { decodeBody, flatHeaders } from './http-body.ts';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const body = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('json').describe('Send JSON'), json: z.unknown().describe('Any JSON value') }),
    z.object({
      type: z.literal('text').describe('Send text'),
      text: z.string().describe('The text'),
      contentType: z.string().max(200).default('text/plain; charset=utf-8').describe('Content-Type header'),
    }),
    z.object({
      type: z.literal('form').describe('Send an HTML form (application/x-www-form-urlencoded)'),
      form: z.record(z.string(), scalar).describe('Form fields'),
    }),
  ])
  .describe('Request body: JSON, text or form fields');

const methodsWithoutBody = new Set(['GET', 'HEAD', 'OPTIONS']);

export const httpRequestAction = defineAction({
  key: 'request',
  title: 'HTTP request',
  description:
    'Calls a URL and returns status, headers and body. 4xx and 5xx answers fail the step (429 and 5xx as retryable) unless told otherwise.',
  credential: { type: httpAuthCredential.key, required: false },
  input: z.object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).default('GET').describe('HTTP method'),
    url: z
      .url({ protocol: /^https?$/ })
      .max(8192)
      .describe('http:// or https:// URL'),
    query: z
      .record(z.string(), z.union([scalar, z.array(scalar)]))
      .optional()
      .describe('Query parameters added to the URL'),
    headers: z.record(z.string(), z.string()).optional().describe('Request headers'),
    body: body.optional(),
    responseFormat: z
      .enum(['auto', 'json', 'text', 'base64'])
      .default('auto')
      .describe('auto: JSON for JSON content types, text for text, base64 otherwise'),
    timeoutMs: z.number().int().min(100).max(300_000).default(30_000).describe('Deadline for the request, ms'),
    failOnStatus: z.boolean().default(true).describe('Fail the step on a 4xx or 5xx answer (else return it)'),
    sendIdempotencyKey: z
      .boolean()
      .default(true)
      .describe('Send an Idempotency-Key header on POST and PATCH, stable across retries of this step'),
  }),
  output: z.object({
    status: z.number().int().describe('HTTP status code'),
    headers: z.record(z.string(), z.string()).describe('Response headers (lower-case names)'),
    body: z.unknown().describe('Response body: JSON value, text or base64, per responseFormat'),
    url: z.string().describe('The final URL, after redirects'),
  }),
  async run(input, ctx) {
    const url = new URL(input.url);
    for (const [k, v] of Object.entries(input.query ?? {})) {
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.headers ?? {})) headers[k.toLowerCase()] = v;
    Object.assign(headers, authHeaders(optionalCredential(ctx, httpAuthCredential)));
    let payload: string | undefined;
    if (input.body && !methodsWithoutBody.has(input.method)) {
      if (input.body.type === 'json') {
        payload = JSON.stringify(input.body.json ?? null);
        headers['content-type'] ??= 'application/json';
      } else if (input.body.type === 'text') {
        payload = input.body.text;
        headers['content-type'] ??= input.body.contentType;
      } else {
        payload = new URLSearchParams(Object.entries(input.body.form).map(([k, v]) => [k, String(v)])).toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      }
    }
    if (input.sendIdempotencyKey && (input.method === 'POST' || input.method === 'PATCH'))
      headers['idempotency-key'] ??= ctx.idempotencyKey;
    const res = await ctx.http.request({
      method: input.method,
      url: url.toString(),
      headers,
      body: payload,
      signal: ctx.signal,
      timeoutMs: input.timeoutMs,
    });
    if (input.failOnStatus && res.status >= 400) throw httpStatusError(input.method, url.toString(), res.status, res.text());
    return { status: res.status, headers: flatHeaders(res.headers), body: decodeBody(res, input.responseFormat), url: res.url };
  },
});
