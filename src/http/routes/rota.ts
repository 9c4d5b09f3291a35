import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { addCover, addShift, recordHandover, removeShift, swapShifts, viewRota } from '../../app/rota/manage-rota.ts';
import { idParams, ok } from '../schemas.ts';
import { actorOf } from '../types.ts';

/** The on-call rota (no-response policy §12). */
const instant = z.coerce.date({ error: 'Enter a date and time' });
const person = (what: string) => z.string().uuid({ error: what });

export function rotaRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['rota'];

  r.get('/api/rota', {
    config: { access: { action: 'incident.read' } },
    schema: { tags, summary: 'Shifts and cover between two instants, and who is on call now', querystring: z.object({ from: instant, to: instant }), response: { 200: z.any() } },
  }, async (request) => viewRota(deps, actorOf(request), request.query.from, request.query.to));

  r.get('/api/rota/staff', {
    config: { access: { action: 'rota.manage' } },
    schema: { tags, summary: 'Active staff who can be put on the rota', response: { 200: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) } },
  }, async (request) => deps.db.query<{ id: string; name: string; role: string }>(
    'select id, name, role from staff where org_id = $1 and is_active order by name', [actorOf(request).orgId]));

  r.post('/api/rota/shifts', {
    config: { access: { action: 'rota.manage' } },
    schema: {
      tags, summary: 'Add an on-call shift',
      body: z.object({ serviceId: z.string().uuid().nullable(), staffId: person('Choose who is on call'), level: z.number().int().min(1).max(5).default(1), startsAt: instant, endsAt: instant, note: z.string().max(500).optional() }),
      response: { 201: z.object({ id: z.string() }) },
    },
  }, async (request, reply) => reply.status(201).send(await addShift(deps, actorOf(request), request.body)));

  r.delete('/api/rota/shifts/:id', {
    config: { access: { action: 'rota.manage' } },
    schema: { tags, summary: 'Remove an on-call shift', params: idParams, response: { 200: ok } },
  }, async (request) => removeShift(deps, actorOf(request), request.params.id));

  r.post('/api/rota/cover', {
    config: { access: { action: 'rota.manage' } },
    schema: {
      tags, summary: 'Cover: someone stands in for a rostered person',
      body: z.object({
        serviceId: z.string().uuid().nullable(), originalStaffId: z.string().uuid().nullable(), replacementStaffId: person('Choose who covers'),
        startsAt: instant, endsAt: instant, reason: z.string().trim().min(3).max(500),
      }),
      response: { 201: z.object({ ids: z.array(z.string()) }) },
    },
  }, async (request, reply) => reply.status(201).send(await addCover(deps, actorOf(request), request.body)));

  r.post('/api/rota/shifts/:id/swap', {
    config: { access: { action: 'rota.manage' } },
    schema: {
      tags, summary: 'Swap this shift with another', params: idParams,
      body: z.object({ withShiftId: z.string().uuid(), reason: z.string().trim().min(3).max(500) }), response: { 201: z.object({ ids: z.array(z.string()) }) },
    },
  }, async (request, reply) => reply.status(201).send(await swapShifts(deps, actorOf(request), { shiftIdA: request.params.id, shiftIdB: request.body.withShiftId, reason: request.body.reason })));

  r.post('/api/rota/handovers', {
    config: { access: { action: 'incident.manage' } },
    schema: {
      tags, summary: 'Hand over on call, with the incidents still open',
      body: z.object({ toStaffId: person('Choose who takes over'), notes: z.string().trim().min(3).max(4000) }), response: { 201: z.object({ id: z.string(), openIncidents: z.number() }) },
    },
  }, async (request, reply) => reply.status(201).send(await recordHandover(deps, actorOf(request), request.body)));
}
