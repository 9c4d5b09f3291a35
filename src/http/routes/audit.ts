import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { verifyChain } from '../../db/events.ts';
import { actorOf } from '../types.ts';

const event = z.object({
  seq: z.number(), id: z.string(), at: z.date(), actorKind: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(),
  type: z.string(), entityType: z.string(), entityId: z.string().nullable(), data: z.record(z.string(), z.unknown()), reason: z.string().nullable(),
});

export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit/verify', {
    config: { access: { action: 'audit.read' } },
    schema: {
      tags: ['audit'], summary: "Verify the organisation's event chain",
      response: { 200: z.object({ intact: z.boolean(), events: z.number(), brokenAt: z.object({ seq: z.number(), id: z.string(), problem: z.string() }).optional() }) },
    },
  }, async (request) => {
    const result = await verifyChain(deps.db, actorOf(request).orgId);
    return result.intact ? { intact: true, events: result.events } : { intact: false, events: result.events, brokenAt: result.brokenAt };
  });

  r.get('/api/audit/events', {
    config: { access: { action: 'audit.read' } },
    schema: {
      tags: ['audit'], summary: 'The event record, newest first',
      querystring: z.object({
        entityType: z.string().max(60).optional(), entityId: z.string().uuid().optional(),
        before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.array(event) },
    },
  }, async (request) => {
    const q = request.query;
    const rows = await deps.db.query<Record<string, never>>(
      `select e.*, s.name as actor_name from events e left join staff s on s.id = e.actor_id
       where e.org_id = $1 and ($2::text is null or e.entity_type = $2) and ($3::uuid is null or e.entity_id = $3)
         and ($4::bigint is null or e.seq < $4)
       order by e.seq desc limit $5`,
      [actorOf(request).orgId, q.entityType ?? null, q.entityId ?? null, q.before ?? null, q.limit],
    );
    return rows.map((e) => ({
      seq: e.seq, id: e.id, at: e.at, actorKind: e.actor_kind, actorId: e.actor_id, actorName: e.actor_name,
      type: e.type, entityType: e.entity_type, entityId: e.entity_id, data: e.data, reason: e.reason,
    }));
  });

  r.get('/api/audit/access-log', {
    config: { access: { action: 'audit.read' } },
    schema: {
      tags: ['audit'], summary: "Who read which person's record",
      querystring: z.object({ entityId: z.string().uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.array(z.object({ at: z.date(), actorName: z.string().nullable(), actorKind: z.string(), entityType: z.string(), entityId: z.string(), purpose: z.string() })) },
    },
  }, async (request) => {
    const rows = await deps.db.query<Record<string, never>>(
      `select a.*, s.name as actor_name from access_log a left join staff s on s.id = a.actor_id
       where a.org_id = $1 and ($2::uuid is null or a.entity_id = $2) order by a.at desc limit $3`,
      [actorOf(request).orgId, request.query.entityId ?? null, request.query.limit],
    );
    return rows.map((a) => ({ at: a.at, actorName: a.actor_name, actorKind: a.actor_kind, entityType: a.entity_type, entityId: a.entity_id, purpose: a.purpose }));
  });
}
