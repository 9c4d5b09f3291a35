import type { TestApp } from '../support/app.ts';
import { sampleProtocol, samplePerson, seedPerson, type SeededPerson } from '../support/people.ts';
import type { CrossTenantProbe } from './probes.ts';

// Organisation B's person (with a contact, device, absence and protocol), made once per test app.
const seeded = new WeakMap<TestApp, Promise<SeededPerson>>();
function b(t: TestApp): Promise<SeededPerson> {
  if (!seeded.has(t)) seeded.set(t, t.signIn('registered_manager', 'B').then((s) => seedPerson(t, s, t.orgB.serviceIds.scheme)));
  return seeded.get(t)!;
}
const contact = { kind: 'family', name: 'Renamed', phone: '07700 900999', rank: 1, hasConsent: true, contactableFromStage: 4, version: 1 };
const device = { kind: 'door_sensor', purpose: 'Door', monitoredBy: 'Team', failureMeaning: 'Unknown', version: 1 };
const absence = { kind: 'respite', startsAt: '2027-02-01T10:00:00Z', version: 1 };

export const probes: CrossTenantProbe[] = [
  { route: 'GET /api/people/:id', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}` }) },
  {
    route: 'PUT /api/people/:id',
    request: async (t) => ({ url: `/api/people/${(await b(t)).personId}`, payload: { ...samplePerson(t.orgA.serviceIds.scheme), version: 1 } }),
  },
  { route: 'GET /api/people/:id/history', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/history` }) },
  { route: 'POST /api/people/:id/contacts', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/contacts`, payload: contact }) },
  {
    route: 'PUT /api/people/:id/contacts/:contactId',
    request: async (t) => { const s = await b(t); return { url: `/api/people/${s.personId}/contacts/${s.contactId}`, payload: contact }; },
  },
  {
    route: 'DELETE /api/people/:id/contacts/:contactId',
    request: async (t) => { const s = await b(t); return { url: `/api/people/${s.personId}/contacts/${s.contactId}`, payload: { version: 1, reason: 'x' } }; },
  },
  { route: 'POST /api/people/:id/devices', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/devices`, payload: device }) },
  {
    route: 'PUT /api/people/:id/devices/:deviceId',
    request: async (t) => { const s = await b(t); return { url: `/api/people/${s.personId}/devices/${s.deviceId}`, payload: device }; },
  },
  {
    route: 'DELETE /api/people/:id/devices/:deviceId',
    request: async (t) => { const s = await b(t); return { url: `/api/people/${s.personId}/devices/${s.deviceId}`, payload: { version: 1, reason: 'x' } }; },
  },
  { route: 'POST /api/people/:id/absences', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/absences`, payload: absence }) },
  {
    route: 'PUT /api/people/:id/absences/:absenceId',
    request: async (t) => { const s = await b(t); return { url: `/api/people/${s.personId}/absences/${s.absenceId}`, payload: absence }; },
  },
  {
    route: 'POST /api/people/:id/absences/:absenceId/end',
    request: async (t) => { const s = await b(t); return { url: `/api/people/${s.personId}/absences/${s.absenceId}/end`, payload: { version: 1 } }; },
  },
  {
    route: 'POST /api/people/:id/protocol',
    request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/protocol`, payload: { baseVersion: 1, content: sampleProtocol(), reason: 'x' } }),
  },
  { route: 'GET /api/people/:id/protocol/compare', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/protocol/compare?left=1&right=1` }) },
  {
    route: 'POST /api/people/:id/protocol/review-flags',
    request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/protocol/review-flags`, payload: { reason: 'change_in_needs', note: 'x' } }),
  },
  { route: 'GET /api/people/:id/easy-read', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/easy-read` }) },
  { route: 'GET /api/people/:id/easy-read.pdf', request: async (t) => ({ url: `/api/people/${(await b(t)).personId}/easy-read.pdf` }) },
];
