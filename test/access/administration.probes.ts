import type { CrossTenantProbe } from './probes.ts';

export const probes: CrossTenantProbe[] = [
  {
    route: 'PATCH /api/services/:id',
    request: async (t) => ({ url: `/api/services/${t.orgB.serviceIds.scheme}`, payload: { name: 'Renamed' } }),
  },
  { route: 'GET /api/staff/:id', request: async (t) => ({ url: `/api/staff/${t.orgB.staffIds.support_worker}` }) },
  {
    route: 'PATCH /api/staff/:id',
    request: async (t) => ({ url: `/api/staff/${t.orgB.staffIds.support_worker}`, payload: { version: 1, name: 'Renamed' } }),
  },
  {
    route: 'POST /api/staff/:id/password-reset',
    request: async (t) => ({ url: `/api/staff/${t.orgB.staffIds.support_worker}/password-reset`, payload: { temporaryPassword: 'a temporary password' } }),
  },
  {
    route: 'DELETE /api/api-tokens/:id',
    request: async (t) => {
      const b = await t.signIn('registered_manager', 'B');
      const res = await t.call(b, { method: 'POST', url: '/api/api-tokens', payload: { name: 'B telecare' } });
      return { url: `/api/api-tokens/${res.json().id}` };
    },
  },
];
