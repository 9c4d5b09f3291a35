import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { endAbsence, recordAbsence, updateAbsence } from '../../app/people/record-absence.ts';
import { addContact, removeContact, updateContact } from '../../app/people/record-contact.ts';
import { addDevice, removeDevice, updateDevice } from '../../app/people/record-device.ts';
import { absenceInput, contactInput, deviceInput } from '../../domain/people/person-input.ts';
import { ok } from '../schemas.ts';
import { actorOf } from '../types.ts';
import { absenceOut, contactOut, deviceOut, removal, version } from './people-schemas.ts';

const uuid = z.string().uuid();
const consentReason = z.object({ consentReason: z.string().trim().max(2000).optional() });

/** A person's contacts, assistive technology and known absences. */
export function personContactRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/people/:id/contacts', {
    config: { access: { action: 'person.write' } },
    schema: {
      tags: ['people'], summary: 'Add a contact (family, advocate, neighbour, key holder, attorney, deputy)',
      params: z.object({ id: uuid }), body: contactInput.and(consentReason), response: { 201: contactOut },
    },
  }, async (request, reply) => reply.status(201).send(await addContact(deps, actorOf(request), request.params.id, request.body)));

  r.put('/api/people/:id/contacts/:contactId', {
    config: { access: { action: 'person.write' } },
    schema: {
      tags: ['people'], summary: 'Change a contact; a change of consent needs consentReason',
      params: z.object({ id: uuid, contactId: uuid }), body: contactInput.and(consentReason).and(z.object({ version })), response: { 200: contactOut },
    },
  }, async (request) => updateContact(deps, actorOf(request), request.params.id, request.params.contactId, request.body));

  r.delete('/api/people/:id/contacts/:contactId', {
    config: { access: { action: 'person.write' } },
    schema: { tags: ['people'], summary: 'Remove a contact', params: z.object({ id: uuid, contactId: uuid }), body: removal, response: { 200: ok } },
  }, async (request) => {
    await removeContact(deps, actorOf(request), request.params.id, request.params.contactId, request.body);
    return { ok: true as const };
  });

  r.post('/api/people/:id/devices', {
    config: { access: { action: 'person.write' } },
    schema: { tags: ['people'], summary: 'Add an assistive technology device', params: z.object({ id: uuid }), body: deviceInput, response: { 201: deviceOut } },
  }, async (request, reply) => reply.status(201).send(await addDevice(deps, actorOf(request), request.params.id, request.body)));

  r.put('/api/people/:id/devices/:deviceId', {
    config: { access: { action: 'person.write' } },
    schema: {
      tags: ['people'], summary: 'Change a device', params: z.object({ id: uuid, deviceId: uuid }),
      body: deviceInput.extend({ version }), response: { 200: deviceOut },
    },
  }, async (request) => updateDevice(deps, actorOf(request), request.params.id, request.params.deviceId, request.body));

  r.delete('/api/people/:id/devices/:deviceId', {
    config: { access: { action: 'person.write' } },
    schema: { tags: ['people'], summary: 'Remove a device', params: z.object({ id: uuid, deviceId: uuid }), body: removal, response: { 200: ok } },
  }, async (request) => {
    await removeDevice(deps, actorOf(request), request.params.id, request.params.deviceId, request.body);
    return { ok: true as const };
  });

  r.post('/api/people/:id/absences', {
    config: { access: { action: 'person.write' } },
    schema: {
      tags: ['people'], summary: 'Record a known absence (hospital, holiday, respite, staying with family)',
      params: z.object({ id: uuid }), body: absenceInput, response: { 201: absenceOut },
    },
  }, async (request, reply) => reply.status(201).send(await recordAbsence(deps, actorOf(request), request.params.id, request.body)));

  r.put('/api/people/:id/absences/:absenceId', {
    config: { access: { action: 'person.write' } },
    schema: {
      tags: ['people'], summary: 'Change an absence (e.g. a new expected discharge)', params: z.object({ id: uuid, absenceId: uuid }),
      body: absenceInput.and(z.object({ version })), response: { 200: absenceOut },
    },
  }, async (request) => updateAbsence(deps, actorOf(request), request.params.id, request.params.absenceId, request.body));

  r.post('/api/people/:id/absences/:absenceId/end', {
    config: { access: { action: 'person.write' } },
    schema: {
      tags: ['people'], summary: 'Record that the person is back', params: z.object({ id: uuid, absenceId: uuid }),
      body: z.object({ version, endedAt: z.coerce.date().optional() }), response: { 200: absenceOut },
    },
  }, async (request) => endAbsence(deps, actorOf(request), request.params.id, request.params.absenceId, request.body));
}
