import { z } from 'zod';
import { defineCredentialType } from '../sdk.ts';

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const httpAuthCredential = defineCredentialType({
  key: 'http_auth',
  title: 'HTTP authentication',
  secretFields: ['token', 'password', 'apiKey'],
  fields: z
    .object({
      scheme: z
        .enum(['bearer', 'basic', 'api_key'])
        .describe('bearer: Authorization: Bearer <token>; basic: user and password; api_key: a header'),
      token: z.string().max(8192).optional().describe('Bearer token (scheme bearer)'),
      username: z.string().max(512).optional().describe('User name (scheme basic)'),
      password: z.string().max(1024).optional().describe('Password (scheme basic)'),
      headerName: z
        .string()
        .regex(headerName, 'Not a valid header name')
        .max(128)
        .default('X-API-Key')
        .describe('Header carrying the key (scheme api_key)'),
      apiKey: z.string().max(8192).optional().describe('The API key (scheme api_key)'),
    })
    .superRefine((v, ctx) => {
      const need = (field: 'token' | 'username' | 'password' | 'apiKey') => {
        if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: `Required for the ${v.scheme} scheme` });
      };
      if (v.scheme === 'bearer') need('token');
      if (v.scheme === 'basic') need('username');
      if (v.scheme === 'api_key') need('apiKey');
    }),
  // Nothing generic to call: an HTTP credential is only known to work against its API.
  async test() {},
});

export type HttpAuth = z.output<typeof httpAuthCredential.fields>;

/** The headers that carry the credential. */
export function authHeaders(auth: HttpAuth | null): Record<string, string> {
  if (!auth) return {};
  if (auth.scheme === 'bearer') return { authorization: `Bearer ${auth.token ?? ''}` };
  if (auth.scheme === 'basic')
    return { authorization: `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}` };
  return { [auth.headerName.toLowerCase()]: auth.apiKey ?? '' };
}
