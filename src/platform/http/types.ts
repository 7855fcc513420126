import type { Actor } from '../permissions/actor.ts';

/** How a request was authenticated. */
export interface Authentication {
  actor: Actor;
  via: 'session' | 'token';
  /** The session's CSRF token (sessions only). */
  csrfToken: string | null;
  sessionId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authentication | null;
  }
  interface FastifyContextConfig {
    /** Reachable without credentials. Every public route is listed in docs/api.md. */
    public?: boolean;
  }
}
