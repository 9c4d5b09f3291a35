import type { TestApp } from '../support/app.ts';
import { seedPerson } from '../support/schedule-seed.ts';
import type { CrossTenantProbe } from './probes.ts';

/**
 * Organisation B's open incident (opened at the door by B's support worker), a closed one with an
 * out-of-hours decision awaiting review, and a rota shift — made once per test app.
 */
type BRecords = { open: string; closed: string; decisionId: string; shiftId: string; shift2Id: string };
const seeded = new WeakMap<TestApp, Promise<BRecords>>();
function b(t: TestApp): Promise<BRecords> {
  if (!seeded.has(t)) seeded.set(t, make(t));
  return seeded.get(t)!;
}
async function make(t: TestApp): Promise<BRecords> {
  const at = t.clock.now();
  const p1 = await seedPerson(t.db, t.orgB, { name: 'Bea Open', contacts: [] }, at);
  const p2 = await seedPerson(t.db, t.orgB, { name: 'Bob Closed', contacts: [] }, at);
  const worker = await t.signIn('support_worker', 'B');
  const manager = await t.signIn('registered_manager', 'B');
  const open = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId: p1.personId } })).json().incidentId;
  const closed = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId: p2.personId } })).json().incidentId;
  await t.call(manager, { method: 'POST', url: `/api/incidents/${closed}/close`, payload: { outcome: 'safe_and_well', rationale: 'Answered the second call, fine.' } });
  const [d] = await t.db.query<{ id: string }>('select id from incident_decisions where incident_id = $1 limit 1', [closed]);
  const shift = (h: number) => t.call(manager, {
    method: 'POST', url: '/api/rota/shifts',
    payload: { serviceId: t.orgB.serviceIds.scheme, staffId: t.orgB.staffIds.team_leader, level: 1, startsAt: new Date(at.getTime() + h * 3_600_000).toISOString(), endsAt: new Date(at.getTime() + (h + 1) * 3_600_000).toISOString() },
  });
  const shiftId = (await shift(100)).json().id;
  const shift2Id = (await shift(200)).json().id;
  return { open, closed, decisionId: d.id, shiftId, shift2Id };
}

const on = (route: string, path: (r: BRecords) => string, payload?: unknown): CrossTenantProbe => ({
  route, request: async (t) => ({ url: path(await b(t)), payload }),
});

export const probes: CrossTenantProbe[] = [
  on('GET /api/incidents/:id', (r) => `/api/incidents/${r.open}`),
  on('POST /api/incidents/:id/observations', (r) => `/api/incidents/${r.open}/observations`, { items: { curtains_closed: 'yes' } }),
  on('POST /api/incidents/:id/contact-attempts', (r) => `/api/incidents/${r.open}/contact-attempts`, { method: 'phone_call', outcome: 'no_answer' }),
  on('POST /api/incidents/:id/acknowledge', (r) => `/api/incidents/${r.open}/acknowledge`),
  on('POST /api/incidents/:id/escalate', (r) => `/api/incidents/${r.open}/escalate`, { version: 1, reason: 'No answer' }),
  on('POST /api/incidents/:id/wider-contacts', (r) => `/api/incidents/${r.open}/wider-contacts`, { partyName: 'Neighbour', riskReason: 'Significant and immediate risk to life', informationShared: 'No answer' }),
  on('POST /api/incidents/:id/external-escalations', (r) => `/api/incidents/${r.open}/external-escalations`, { agency: 'police', reference: 'CAD 1' }),
  on('POST /api/incidents/:id/decisions', (r) => `/api/incidents/${r.open}/decisions`, { kind: 'other', summary: 'Wait', rationale: 'Known routine' }),
  on('POST /api/incidents/:id/close', (r) => `/api/incidents/${r.open}/close`, { outcome: 'safe_and_well', rationale: 'Answered the door in the end.' }),
  on('POST /api/incidents/:id/review', (r) => `/api/incidents/${r.closed}/review`, {
    protocolReview: { isNeeded: false, reason: 'Protocol worked' }, safeguarding: { raiseConcern: false, reason: 'No concern' }, learning: 'None needed',
  }),
  on('POST /api/incident-decisions/:id/review', (r) => `/api/incident-decisions/${r.decisionId}/review`, { note: 'Fine' }),
  on('DELETE /api/rota/shifts/:id', (r) => `/api/rota/shifts/${r.shiftId}`),
  {
    route: 'POST /api/rota/shifts/:id/swap',
    request: async (t) => { const r = await b(t); return { url: `/api/rota/shifts/${r.shiftId}/swap`, payload: { withShiftId: r.shift2Id, reason: 'Swap' } }; },
  },
];
