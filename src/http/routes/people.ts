import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { createPerson } from '../../app/people/create-person.ts';
import { listPeople } from '../../app/people/list-people.ts';
import { personHistory } from '../../app/people/person-history.ts';
import { readPerson } from '../../app/people/read-person.ts';
import { updatePerson } from '../../app/people/update-person.ts';
import { personInput } from '../../domain/people/person-input.ts';
import { actorOf } from '../types.ts';
import { historyOut, personListOut, personOut, personParams, personRecordOut, version } from './people-schemas.ts';

/** People supported: list, record, create, update, history (issue 3). */
export function peopleRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/people', {
    config: { access: { action: 'person.read' } },
    schema: {
      tags: ['people'], summary: 'People the caller may see, with risk level and review status',
      querystring: z.object({
        q: z.string().max(100).optional(),
        serviceId: z.string().uuid().optional(),
        risk: z.enum(['low', 'medium', 'high', 'none']).optional(),
        reviewDue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: personListOut },
    },
  }, async (request) => listPeople(deps, actorOf(request), request.query));

  r.post('/api/people', {
    config: { access: { action: 'person.write' } },
    schema: { tags: ['people'], summary: 'Add a person supported', body: personInput, response: { 201: personOut } },
  }, async (request, reply) => reply.status(201).send(await createPerson(deps, actorOf(request), request.body)));

  r.get('/api/people/:id', {
    config: { access: { action: 'person.read' } },
    schema: { tags: ['people'], summary: "A person's record (the read is logged)", params: personParams, response: { 200: personRecordOut } },
  }, async (request) => readPerson(deps, actorOf(request), request.params.id));

  r.put('/api/people/:id', {
    config: { access: { action: 'person.write' } },
    schema: {
      tags: ['people'], summary: "Replace a person's details (compare-and-set on version)", params: personParams,
      body: personInput.and(z.object({ version })), response: { 200: personOut },
    },
  }, async (request) => updatePerson(deps, actorOf(request), request.params.id, request.body));

  // For the person form: who may be named care coordinator (planners cannot list all staff).
  r.get('/api/care-coordinators', {
    config: { access: { action: 'person.write' } },
    schema: { tags: ['people'], summary: 'Staff who may be named as a care coordinator', response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) } },
  }, async (request) => deps.db.query<{ id: string; name: string }>(
    "select id, name from staff where org_id = $1 and is_active and role in ('care_coordinator', 'team_leader', 'registered_manager') order by name",
    [actorOf(request).orgId],
  ));

  r.get('/api/people/:id/history', {
    config: { access: { action: 'person.read' } },
    schema: { tags: ['people'], summary: "Everything recorded about a person's record, newest first", params: personParams, response: { 200: historyOut } },
  }, async (request) => personHistory(deps, actorOf(request), request.params.id));
}
