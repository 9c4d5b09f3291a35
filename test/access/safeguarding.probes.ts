import type { TestApp } from '../support/app.ts';
import { addPerson, concernBody, raiseOverHttp } from '../support/safeguarding.ts';
import type { CrossTenantProbe } from './probes.ts';

/** A concern in organisation B (raised by B's support worker about a person of B's scheme). */
async function concernOfB(t: TestApp): Promise<{ concernId: string; personId: string }> {
  const personId = await addPerson(t.db, t.orgB.orgId, t.orgB.serviceIds.scheme, 'Bea', 'Probe');
  const s = await t.signIn('support_worker', 'B');
  const { id } = await raiseOverHttp(t, s, concernBody([personId], ['financial.ll.1']));
  return { concernId: id, personId };
}

export const probes: CrossTenantProbe[] = [
  { route: 'GET /api/concerns/:id', request: async (t) => ({ url: `/api/concerns/${(await concernOfB(t)).concernId}` }) },
  {
    route: 'POST /api/concerns/:id/decision',
    request: async (t) => ({
      url: `/api/concerns/${(await concernOfB(t)).concernId}/decision`,
      payload: { version: 1, outcome: 'no_further_action', rationale: 'Probe: nothing further is needed here.' },
    }),
  },
  {
    route: 'PATCH /api/concerns/:id/referral',
    request: async (t) => ({ url: `/api/concerns/${(await concernOfB(t)).concernId}/referral`, payload: { version: 1, reference: 'LA-1' } }),
  },
  {
    route: 'POST /api/concerns/:id/actions',
    request: async (t) => ({
      url: `/api/concerns/${(await concernOfB(t)).concernId}/actions`,
      payload: { description: 'Supervision', ownerId: t.orgB.staffIds.team_leader, dueOn: '2026-12-01' },
    }),
  },
  {
    route: 'POST /api/concerns/:id/actions/:actionId/complete',
    request: async (t) => ({ url: `/api/concerns/${(await concernOfB(t)).concernId}/actions/00000000-0000-7000-8000-000000000001/complete`, payload: { note: 'Done' } }),
  },
  {
    route: 'POST /api/concerns/:id/access',
    request: async (t) => ({
      url: `/api/concerns/${(await concernOfB(t)).concernId}/access`,
      payload: { staffId: t.orgB.staffIds.team_leader, reason: 'Investigating manager' },
    }),
  },
  { route: 'GET /api/safeguarding/people/:id/concerns', request: async (t) => ({ url: `/api/safeguarding/people/${(await concernOfB(t)).personId}/concerns` }) },
];
