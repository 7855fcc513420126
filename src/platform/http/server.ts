import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { randomToken } from '../ids.ts';
import type { Logger } from '../logger.ts';
import { type Authenticate, registerAuthHook } from './auth-hook.ts';
import { errorBody, toAppError } from './error-response.ts';
import { HSTS, SECURITY_HEADERS } from './security-headers.ts';
import './types.ts';

export interface HttpServerOptions {
  logger: Logger;
  bodyLimit: number;
  trustProxy: boolean;
  authenticate: Authenticate;
  /** Registers every module's routes; called inside the API scope. */
  routes: (app: FastifyInstance) => Promise<void>;
  /** The built web UI (dist/web); served with an SPA fallback when present. */
  webDir: string | null;
  version: string;
}

/** Every route the server registered, with whether it is public (tests enumerate it). */
export interface RegisteredRoute {
  method: string;
  url: string;
  readonly public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const requestPrefix = randomToken(6).replace(/[^A-Za-z0-9]/g, 'x');
let requestCounter = 0;

/** Marks every route registered in this scope as public (static assets, API reference). */
function markPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}

/** Builds the Fastify server: security headers, auth by default, one error shape, OpenAPI. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // One compact line per request (onResponse below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      // A random per-process prefix and a counter: unique, sortable, no entropy spent per request.
      if (typeof given === 'string' && REQUEST_ID.test(given)) return given;
      requestCounter += 1;
      return `req-${requestPrefix}-${requestCounter.toString(36)}`;
    },
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { coerceTypes: false } },
  });
  const registered: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registered);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read `public` lazily: hooks of inner scopes (markPublic) run after this one.
    for (const method of methods) {
      registered.push({
        method,
        url: route.url,
        get public() {
          return route.config?.public === true;
        },
      });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Callback-style hooks: an async hook costs a promise and a microtask on every request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (options.logger.isLevelEnabled('info')) {
      request.log.info(
        { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    }
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (!appError.expected) request.log.error({ err: error }, 'request failed');
    if (appError.code === 'RATE_LIMITED' || appError.code === 'ACCOUNT_LOCKED') {
      const retryAfter = (appError.details as { retryAfterSeconds?: number } | null)?.retryAfterSeconds;
      if (retryAfter) reply.header('retry-after', String(retryAfter));
    }
    return reply.status(appError.status).send(errorBody(appError, request.id));
  });

  await app.register(cookie);
  registerAuthHook(app, options.authenticate);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Symbiont API',
        version: options.version,
        description:
          'The automation programme platform. Authenticate with the session cookie (and X-CSRF-Token on writes) or `Authorization: Bearer sym_…`. Errors: `{ error: { code, message, details } }`, codes in docs/errors.md.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'symbiont_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });

  await app.register(async (api) => {
    await options.routes(api);
  });

  await app.register(async (pub) => {
    markPublic(pub);
    pub.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await pub.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: false,
      theme: { title: 'Symbiont API reference' },
      uiConfig: { deepLinking: true },
    });
    const webDir = options.webDir;
    if (webDir && existsSync(path.join(webDir, 'index.html'))) {
      await pub.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
    }
  });

  // Client-side routes of the single-page app get index.html (read once; a few hundred bytes).
  const indexFile = options.webDir ? path.join(options.webDir, 'index.html') : null;
  const indexHtml = indexFile && existsSync(indexFile) ? readFileSync(indexFile) : null;
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD') && indexHtml) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    }
    const body = errorBody(
      new AppError('ROUTE_NOT_FOUND', { status: 404, userMessage: `No route ${request.method} ${request.url.split('?')[0]}.` }),
      request.id,
    );
    return reply.status(404).send(body);
  });

  return app;
}
