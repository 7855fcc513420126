import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/auth-hook.ts';
import { noContent, responses } from '../../platform/http/responses.ts';
import { changePasswordBody, loginBody, sessionSchema, setupBody, userSchema } from './auth.schemas.ts';
import { type ClientMeta, type NewSession, SESSION_COOKIE, type SessionsService } from './sessions.service.ts';
import type { UsersService } from './users.service.ts';

export interface SessionRoutesDeps {
  sessions: SessionsService;
  users: UsersService;
  modules: { key: string; title: string; path: string; permission?: string }[];
  /** Whether cookies get `Secure` for this request (HTTPS directly or via a trusted proxy). */
  isSecure: (request: FastifyRequest) => boolean;
}

const signedIn = z.object({ user: userSchema, csrfToken: z.string() });

function meta(request: FastifyRequest): ClientMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null, requestId: request.id };
}

export async function sessionRoutes(app: FastifyInstance, deps: SessionRoutesDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  function setCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession) {
    reply.setCookie(SESSION_COOKIE, session.cookieValue, {
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.isSecure(request),
      path: '/',
      expires: session.expiresAt,
    });
  }

  r.get(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Whether first-run setup is needed',
        response: responses({ 200: z.object({ needsSetup: z.boolean() }) }),
      },
    },
    async () => ({ needsSetup: await deps.sessions.needsSetup() }),
  );

  r.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Create the first administrator (only while there is none) and sign in',
        body: setupBody,
        response: responses({ 201: signedIn }),
      },
    },
    async (request, reply) => {
      const session = await deps.sessions.setup(request.body, meta(request));
      setCookie(request, reply, session);
      return reply.status(201).send({ user: session.user, csrfToken: session.csrfToken });
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: loginBody, response: responses({ 200: signedIn }) },
    },
    async (request, reply) => {
      const session = await deps.sessions.login(request.body.email, request.body.password, meta(request));
      setCookie(request, reply, session);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: responses({ 204: noContent }) } },
    async (request, reply) => {
      if (request.auth?.sessionId) await deps.sessions.logout(request.auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, roles, permissions, CSRF token, modules',
        response: responses({ 200: sessionSchema }),
      },
    },
    async (request) => {
      actorOf(request);
      return deps.sessions.describe(request.auth as NonNullable<typeof request.auth>, deps.modules);
    },
  );

  r.post(
    '/api/v1/auth/password',
    { schema: { tags: ['auth'], summary: 'Change your own password', body: changePasswordBody, response: responses({ 204: noContent }) } },
    async (request, reply) => {
      await deps.users.changeOwnPassword(actorOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
