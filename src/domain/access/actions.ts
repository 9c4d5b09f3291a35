import type { Role } from './roles.ts';

/**
 * The role × action table, enforced on the server for every route (src/http/route.ts).
 * Each route names one action; a role not listed for it gets 403.
 */
const everyone: readonly Role[] = [
  'director', 'registered_manager', 'safeguarding_lead', 'health_and_safety_officer',
  'data_protection_officer', 'team_leader', 'support_worker', 'agency_worker', 'care_coordinator', 'auditor',
];
const staffWhoSupport: readonly Role[] = ['registered_manager', 'team_leader', 'support_worker', 'agency_worker', 'care_coordinator'];
const planners: readonly Role[] = ['registered_manager', 'team_leader', 'care_coordinator'];
const managers: readonly Role[] = ['director', 'registered_manager', 'safeguarding_lead', 'team_leader', 'care_coordinator'];

export const ACTIONS = {
  /** Own session: who am I, change my password. */
  'session.own': everyone,
  /** Services, staff, roles, password resets, API tokens. */
  'admin.manage': ['director', 'registered_manager'],
  'admin.read': ['director', 'registered_manager', 'data_protection_officer', 'auditor'],
  'person.read': everyone,
  'person.write': planners,
  'person.import': ['registered_manager'],
  'protocol.write': planners,
  'checkin.record': staffWhoSupport,
  'incident.read': everyone,
  'incident.respond': staffWhoSupport,
  'incident.manage': managers,
  // no-response policy §20.4: Emergency is never blocked by role.
  'incident.emergency': everyone,
  'incident.review': ['registered_manager', 'director'],
  'rota.manage': ['registered_manager', 'team_leader'],
  // Raising a concern is open to every staff role; auditors only read.
  'concern.raise': everyone.filter((r) => r !== 'auditor'),
  'concern.read_all': ['safeguarding_lead', 'registered_manager'],
  'concern.decide': ['safeguarding_lead', 'registered_manager'],
  'audit.read': ['director', 'registered_manager', 'data_protection_officer', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function can(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}
