import { createOrganisation } from '../app/administration/create-organisation.ts';
import { createService } from '../app/administration/create-service.ts';
import { createStaff } from '../app/administration/create-staff.ts';
import type { Deps } from '../app/deps.ts';
import type { Role } from '../domain/access/roles.ts';

export const DEMO_ORGANISATION = 'Riverside Support (demo)';
export const DEMO_PASSWORD = 'wellcheck-demo-2026';

type DemoStaff = { name: string; email: string; role: Role; services: ('scheme' | 'community')[]; phone?: string };

/** One member of staff for every role (DESIGN.md "Who uses it"). All names are fictional. */
export const DEMO_STAFF: DemoStaff[] = [
  { name: 'Diane Okafor', email: 'director@demo.wellcheck.test', role: 'director', services: [] },
  { name: 'Rachel Moss', email: 'manager@demo.wellcheck.test', role: 'registered_manager', services: ['scheme', 'community'], phone: '07700 900101' },
  { name: 'Sunita Patel', email: 'safeguarding@demo.wellcheck.test', role: 'safeguarding_lead', services: [] },
  { name: 'Harold Finch', email: 'healthandsafety@demo.wellcheck.test', role: 'health_and_safety_officer', services: [] },
  { name: 'Dafydd Price', email: 'dpo@demo.wellcheck.test', role: 'data_protection_officer', services: [] },
  { name: 'Tom Barker', email: 'teamleader@demo.wellcheck.test', role: 'team_leader', services: ['scheme'], phone: '07700 900102' },
  { name: 'Grace Mensah', email: 'support@demo.wellcheck.test', role: 'support_worker', services: ['scheme'], phone: '07700 900103' },
  { name: 'Ola Nowak', email: 'agency@demo.wellcheck.test', role: 'agency_worker', services: ['scheme'] },
  { name: 'Ben Carter', email: 'coordinator@demo.wellcheck.test', role: 'care_coordinator', services: ['community'], phone: '07700 900104' },
  { name: 'Irene Walsh', email: 'auditor@demo.wellcheck.test', role: 'auditor', services: [] },
];

export type DemoOrganisation = {
  orgId: string;
  serviceIds: { scheme: string; community: string };
  staffIds: Record<string, string>;
};

/** Creates the demo organisation's services and staff. Callers make sure it runs once. */
export async function createDemoOrganisation(deps: Deps, name = DEMO_ORGANISATION, emailSuffix = ''): Promise<DemoOrganisation> {
  const { id: orgId, actor } = await createOrganisation(deps, { name });
  const scheme = await createService(deps, actor, { name: 'Riverside Court supported living', kind: 'supported_living' });
  const community = await createService(deps, actor, { name: 'North community team', kind: 'community_team' });
  const serviceIds = { scheme: scheme.id, community: community.id };
  const staffIds: Record<string, string> = {};
  for (const s of DEMO_STAFF) {
    const email = emailSuffix ? s.email.replace('@', `+${emailSuffix}@`) : s.email;
    const created = await createStaff(
      deps, actor,
      { name: s.name, email, role: s.role, serviceIds: s.services.map((k) => serviceIds[k]), password: DEMO_PASSWORD, phone: s.phone ?? null },
      { mustChangePassword: false },
    );
    staffIds[s.role] = created.id;
  }
  return { orgId, serviceIds, staffIds };
}
