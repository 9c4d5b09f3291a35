/**
 * Roles from the no-response policy §5, plus care coordinator (engagement policy) and
 * auditor (read-only governance). The on-call manager is a rota slot, not a role.
 */
export const ROLES = [
  'director',
  'registered_manager',
  'safeguarding_lead',
  'health_and_safety_officer',
  'data_protection_officer',
  'team_leader',
  'support_worker',
  'agency_worker',
  'care_coordinator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  director: 'Director',
  registered_manager: 'Registered manager',
  safeguarding_lead: 'Safeguarding lead',
  health_and_safety_officer: 'Health and safety officer',
  data_protection_officer: 'Data protection officer',
  team_leader: 'Team leader / senior support worker',
  support_worker: 'Support worker',
  agency_worker: 'Agency or temporary worker',
  care_coordinator: 'Care coordinator',
  auditor: 'Auditor (read-only)',
};

/** Roles that see every person in the organisation; the rest see the people of their services. */
export const ORGANISATION_WIDE: ReadonlySet<Role> = new Set<Role>([
  'director',
  'registered_manager',
  'safeguarding_lead',
  'health_and_safety_officer',
  'data_protection_officer',
  'auditor',
]);
