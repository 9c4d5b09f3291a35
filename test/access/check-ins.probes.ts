import type { CrossTenantProbe } from './probes.ts';
import { seedPerson } from '../support/schedule-seed.ts';

// Organisation B's person and service, asked for by organisation A → 404.
export const probes: CrossTenantProbe[] = [
  {
    route: 'GET /api/people/:id/schedule',
    request: async (t) => {
      const b = await seedPerson(t.db, t.orgB, { contacts: [] }, t.clock.now());
      return { url: `/api/people/${b.personId}/schedule` };
    },
  },
  { route: 'GET /api/services/:id/contacts/today', request: async (t) => ({ url: `/api/services/${t.orgB.serviceIds.scheme}/contacts/today` }) },
];
