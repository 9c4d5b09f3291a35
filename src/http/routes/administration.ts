import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueApiToken, listApiTokens, revokeApiToken } from '../../app/administration/api-tokens.ts';
import { createService } from '../../app/administration/create-service.ts';
import { createStaff } from '../../app/administration/create-staff.ts';
import { resetPassword } from '../../app/administration/passwords.ts';
import { updateService } from '../../app/administration/update-service.ts';
import { updateStaff } from '../../app/administration/update-staff.ts';
import type { Deps } from '../../app/deps.ts';
import { listServices, publicService } from '../../db/repos/services.ts';
import { findStaff, listStaff, publicStaff } from '../../db/repos/staff.ts';
import { ROLES } from '../../domain/access/roles.ts';
import { notFound } from '../../domain/errors.ts';
import { idParams, ok } from '../schemas.ts';
import { actorOf } from '../types.ts';

const serviceKind = z.enum(['supported_living', 'home_care', 'outreach', 'community_team']);
const service = z.object({ id: z.string(), name: z.string(), kind: z.string(), isActive: z.boolean() });
const staff = z.object({
  id: z.string(), email: z.string(), name: z.string(), role: z.string(), isActive: z.boolean(),
  mustChangePassword: z.boolean(), phone: z.string().nullable(), serviceIds: z.array(z.string()), version: z.number(),
});
const name = z.string().trim().min(1).max(120);
const phone = z.string().trim().regex(/^\+?[0-9 ]{7,20}$/, 'Enter a UK phone number, like 07700 900123').nullable();

export function administrationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Services are read by everyone signed in (for forms and filters); managed by managers.
  r.get('/api/services', {
    config: { access: { action: 'person.read' } },
    schema: { tags: ['administration'], summary: 'List services', response: { 200: z.array(service) } },
  }, async (request) => (await listServices(deps.db, actorOf(request).orgId)).map(publicService));

  r.post('/api/services', {
    config: { access: { action: 'admin.manage' } },
    schema: { tags: ['administration'], summary: 'Create a service', body: z.object({ name, kind: serviceKind }), response: { 201: service } },
  }, async (request, reply) => reply.status(201).send(await createService(deps, actorOf(request), request.body)));

  r.patch('/api/services/:id', {
    config: { access: { action: 'admin.manage' } },
    schema: {
      tags: ['administration'], summary: 'Rename or deactivate a service', params: idParams,
      body: z.object({ name: name.optional(), isActive: z.boolean().optional() }), response: { 200: service },
    },
  }, async (request) => updateService(deps, actorOf(request), request.params.id, request.body));

  r.get('/api/staff', {
    config: { access: { action: 'admin.read' } },
    schema: { tags: ['administration'], summary: 'List staff', response: { 200: z.array(staff) } },
  }, async (request) => (await listStaff(deps.db, actorOf(request).orgId)).map(publicStaff));

  r.get('/api/staff/:id', {
    config: { access: { action: 'admin.read' } },
    schema: { tags: ['administration'], summary: 'One member of staff', params: idParams, response: { 200: staff } },
  }, async (request) => {
    const s = await findStaff(deps.db, actorOf(request).orgId, request.params.id);
    if (!s) throw notFound('Member of staff');
    return publicStaff(s);
  });

  r.post('/api/staff', {
    config: { access: { action: 'admin.manage' } },
    schema: {
      tags: ['administration'], summary: 'Add a member of staff',
      body: z.object({
        name, email: z.string().trim().email().max(200), role: z.enum(ROLES),
        serviceIds: z.array(z.string().uuid()).max(50), password: z.string().max(200), phone: phone.optional(),
      }),
      response: { 201: staff },
    },
  }, async (request, reply) => reply.status(201).send(await createStaff(deps, actorOf(request), request.body)));

  r.patch('/api/staff/:id', {
    config: { access: { action: 'admin.manage' } },
    schema: {
      tags: ['administration'], summary: 'Change role, services or status', params: idParams,
      body: z.object({
        version: z.number().int().positive(), name: name.optional(), role: z.enum(ROLES).optional(),
        serviceIds: z.array(z.string().uuid()).max(50).optional(), isActive: z.boolean().optional(), phone: phone.optional(),
      }),
      response: { 200: staff },
    },
  }, async (request) => updateStaff(deps, actorOf(request), request.params.id, request.body));

  r.post('/api/staff/:id/password-reset', {
    config: { access: { action: 'admin.manage' } },
    schema: {
      tags: ['administration'], summary: 'Set a temporary password', params: idParams,
      body: z.object({ temporaryPassword: z.string().max(200) }), response: { 200: ok },
    },
  }, async (request) => {
    await resetPassword(deps, actorOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  r.get('/api/api-tokens', {
    config: { access: { action: 'admin.read' } },
    schema: {
      tags: ['administration'], summary: 'List integration tokens',
      response: { 200: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.date(), revokedAt: z.date().nullable() })) },
    },
  }, async (request) =>
    (await listApiTokens(deps, actorOf(request))).map((t) => ({ id: t.id, name: t.name, createdAt: t.created_at, revokedAt: t.revoked_at })));

  r.post('/api/api-tokens', {
    config: { access: { action: 'admin.manage' } },
    schema: {
      tags: ['administration'], summary: 'Issue an integration token (the secret is shown once)',
      body: z.object({ name }), response: { 201: z.object({ id: z.string(), name: z.string(), secret: z.string() }) },
    },
  }, async (request, reply) => reply.status(201).send(await issueApiToken(deps, actorOf(request), request.body)));

  r.delete('/api/api-tokens/:id', {
    config: { access: { action: 'admin.manage' } },
    schema: { tags: ['administration'], summary: 'Revoke an integration token', params: idParams, response: { 200: ok } },
  }, async (request) => {
    await revokeApiToken(deps, actorOf(request), request.params.id);
    return { ok: true as const };
  });
}
