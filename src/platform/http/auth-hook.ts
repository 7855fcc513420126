import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { scopeAllows } from '../permissions/authorize.ts';
import type { Authentication } from './types.ts';

export type Authenticate = (request: FastifyRequest) => Promise<Authentication | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Authenticated by default: every route needs a session or token unless its config says
 * `public: true`. Cookie-authenticated writes must carry the session's CSRF token; token
 * requests must carry the scope their method needs (`read` for safe methods, else `write`).
 */
export function registerAuthHook(app: FastifyInstance, authenticate: Authenticate): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // Fastify builds a new routeOptions object on every read: read it once.
    const route = request.routeOptions;
    if (route.config?.public === true) {
      // Public routes still learn who is calling when credentials are present.
      request.auth = await authenticate(request).catch(() => null);
      return;
    }
    if (!route.url) return; // 404s fall through to the not-found handler
    const auth = await authenticate(request);
    if (!auth) {
      throw new AppError('UNAUTHENTICATED', { status: 401, userMessage: 'Sign in or send an API token.' });
    }
    const safe = SAFE_METHODS.has(request.method);
    if (auth.via === 'session' && !safe) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !auth.csrfToken || !sameSecret(header, auth.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID', {
          status: 403,
          userMessage: 'Missing or wrong X-CSRF-Token header. Reload the page and try again.',
        });
      }
    }
    const scope = safe ? 'read' : 'write';
    if (!scopeAllows(auth.actor, scope)) {
      throw new AppError('INSUFFICIENT_SCOPE', {
        status: 403,
        userMessage: `This API token lacks the "${scope}" scope.`,
        details: { requiredScope: scope },
      });
    }
    request.auth = auth;
  });
}

/** The authenticated actor of a non-public route (the hook guarantees it is set). */
export function actorOf(request: FastifyRequest) {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', { status: 401, userMessage: 'Sign in or send an API token.' });
  return request.auth.actor;
}
