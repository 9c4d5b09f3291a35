import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../app/deps.ts';
import { resolveApiToken, resolveSession } from '../app/sessions.ts';
import { requireAction } from '../domain/access/actor.ts';
import { DomainError } from '../domain/errors.ts';
import './types.ts';

export const SESSION_COOKIE = 'wc_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and role checks for every route, before its body is validated:
 * no session → 401, role without the route's action → 403, a cookie-authenticated write
 * without the session's CSRF token (header x-csrf-token) → 403.
 */
export type RouteEntry = { method: string; url: string; action: string };

export function registerAuth(app: FastifyInstance, deps: Deps): RouteEntry[] {
  const catalogue: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its access`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && route.config?.access) catalogue.push({ method, url: route.url, action: route.config.access.action });
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access || access.action === 'public') return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(deps, auth.slice(7).trim());
      if (!actor) throw new DomainError('unauthenticated', 'API token is not valid');
      request.actor = actor;
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await resolveSession(deps, cookie) : undefined;
      if (!session) throw new DomainError('unauthenticated', 'Sign in to continue');
      if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
        throw new DomainError('forbidden', 'Missing or wrong CSRF token (x-csrf-token)');
      }
      // A temporary password set by a manager must be replaced before anything else is done.
      if (session.staff.must_change_password && access.action !== 'signed_in' && access.action !== 'session.own') {
        throw new DomainError('forbidden', 'Choose your own password first (POST /api/session/password)');
      }
      request.actor = session.actor;
      request.session = session;
    }
    if (access.action !== 'signed_in') requireAction(request.actor, access.action);
  });
  return catalogue;
}
