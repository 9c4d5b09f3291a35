import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordCheckIn } from '../../app/check-ins/record-check-in.ts';
import type { Deps } from '../../app/deps.ts';
import { readPersonSchedule, readServiceToday } from '../../app/schedules/read-schedule.ts';
import { idParams } from '../schemas.ts';
import { actorOf } from '../types.ts';

const checkInAnswer = z.object({
  id: z.string(), personId: z.string(), source: z.string(), outcome: z.string(), occurredAt: z.string(),
  scheduledContactId: z.string().nullable(), contactStatus: z.string().nullable(), incidentId: z.string().nullable(),
  incidentOpened: z.boolean(), isLate: z.boolean(),
});
const contactView = z.object({
  id: z.string().nullable(), personId: z.string(), personName: z.string(), contactKey: z.string(), kind: z.string(), label: z.string(),
  dueAt: z.string(), windowClosesAt: z.string(), carriesMedication: z.boolean(), status: z.string(),
  suspendedReason: z.string().nullable(), incidentId: z.string().nullable(),
});

/** Check-ins from staff and logged phone calls, and the schedule screens' reads (issue 4). */
export function checkInRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/check-ins', {
    config: { access: { action: 'checkin.record' } },
    schema: {
      tags: ['check-ins'],
      summary: 'Record that a person responded (Idempotency-Key header required: a retry returns the first answer)',
      body: z.object({
        personId: z.string().uuid(),
        source: z.enum(['staff', 'phone_call']),
        outcome: z.enum(['responded', 'responded_with_concern']),
        concern: z.string().trim().max(2000).nullable().optional(),
        note: z.string().max(2000).optional(),
        scheduledContactId: z.string().uuid().nullable().optional(),
        occurredAt: z.coerce.date().nullable().optional(),
      }),
      response: { 200: checkInAnswer, 201: checkInAnswer },
    },
  }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const answer = await recordCheckIn(deps, actorOf(request), Array.isArray(key) ? key[0] : key, request.body);
    if (answer.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(answer.status as 201).send(answer.body);
  });

  r.get('/api/people/:id/schedule', {
    config: { access: { action: 'person.read' } },
    schema: {
      tags: ['schedules'], summary: "A person's contacts (recent, due, planned), absences and suspensions", params: idParams,
      response: {
        200: z.object({
          person: z.object({ id: z.string(), name: z.string(), serviceId: z.string(), isMedicationCritical: z.boolean() }),
          protocolVersion: z.number().nullable(),
          contacts: z.array(contactView),
          absences: z.array(z.object({
            id: z.string(), kind: z.string(), startsAt: z.string(), expectedEndAt: z.string().nullable(), endedAt: z.string().nullable(),
            suspendsUntil: z.string().nullable(), isCurrent: z.boolean(), reason: z.string(),
          })),
        }),
      },
    },
  }, async (request) => readPersonSchedule(deps, actorOf(request), request.params.id));

  r.get('/api/services/:id/contacts/today', {
    config: { access: { action: 'person.read' } },
    schema: {
      tags: ['schedules'], summary: "Today's contacts for a service's people, with their state", params: idParams,
      response: { 200: z.object({ service: z.object({ id: z.string(), name: z.string() }), date: z.string(), contacts: z.array(contactView) }) },
    },
  }, async (request) => readServiceToday(deps, actorOf(request), request.params.id));
}
