import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPassword } from '../../app/administration/passwords.ts';
import type { Deps } from '../../app/deps.ts';
import { publicStaff } from '../../db/repos/staff.ts';
import { signIn, signOut } from '../../app/sessions.ts';
import { ACTIONS, can, type Action } from '../../domain/access/actions.ts';
import { ROLE_LABELS } from '../../domain/access/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { ok } from '../schemas.ts';

const me = z.object({
  staff: z.object({
    id: z.string(), email: z.string(), name: z.string(), role: z.string(), roleLabel: z.string(),
    mustChangePassword: z.boolean(), serviceIds: z.array(z.string()),
  }),
  csrfToken: z.string(),
  actions: z.array(z.string()),
});

export function sessionRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const describe = (staff: Parameters<typeof publicStaff>[0], csrfToken: string) => ({
    staff: { ...publicStaff(staff), roleLabel: ROLE_LABELS[staff.role] },
    csrfToken,
    actions: (Object.keys(ACTIONS) as Action[]).filter((a) => can(staff.role, a)),
  });

  r.post('/api/session', {
    config: { access: { action: 'public' } },
    schema: {
      tags: ['session'], summary: 'Sign in',
      body: z.object({ email: z.string().email().max(200), password: z.string().min(1).max(200) }),
      response: { 200: me },
    },
  }, async (request, reply) => {
    const result = await signIn(deps, { ...request.body, ip: request.ip });
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      httpOnly: true, sameSite: 'strict', path: '/', secure: deps.config.SECURE_COOKIES === 'on', maxAge: result.maxAgeSeconds,
    });
    return describe(result.staff, result.csrfToken);
  });

  r.get('/api/session', {
    config: { access: { action: 'signed_in' } },
    schema: { tags: ['session'], summary: 'Who is signed in', response: { 200: me } },
  }, async (request) => {
    const s = request.session;
    if (!s) throw new DomainError('unauthenticated', 'Sign in with a browser session to see this');
    return describe(s.staff, s.csrfToken);
  });

  r.delete('/api/session', {
    config: { access: { action: 'signed_in' } },
    schema: { tags: ['session'], summary: 'Sign out', response: { 200: ok } },
  }, async (request, reply) => {
    if (request.session) await signOut(deps, request.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.post('/api/session/password', {
    config: { access: { action: 'session.own' } },
    schema: {
      tags: ['session'], summary: 'Change my password',
      body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      response: { 200: ok },
    },
  }, async (request) => {
    const s = request.session;
    if (!s) throw new DomainError('unauthenticated', 'Sign in with a browser session to change a password');
    await changeOwnPassword(deps, s.actor, request.body, s.tokenHash);
    return { ok: true as const };
  });
}
