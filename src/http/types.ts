import type { Actor } from '../domain/access/actor.ts';
import type { Action } from '../domain/access/actions.ts';
import type { ResolvedSession } from '../app/sessions.ts';

/** Every route declares the action it performs (or 'public'); the auth hook enforces it. */
export type RouteAccess = { action: Action | 'public' | 'signed_in' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor?: Actor;
    session?: ResolvedSession;
  }
}

/** The actor of an authenticated route (the auth hook guarantees it is set). */
export function actorOf(request: { actor?: Actor }): Actor {
  if (!request.actor) throw new Error('route has no actor: access misconfigured');
  return request.actor;
}
