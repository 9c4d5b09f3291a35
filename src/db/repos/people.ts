import type { Actor } from '../../domain/access/actor.ts';
import { visibleServices } from '../../domain/access/actor.ts';
import type { ProtocolContent } from '../../domain/protocol/content.ts';
import type { Queryable } from '../port.ts';

/**
 * People supported and their current No Response Protocol. Every query that an actor's
 * request reaches is scoped by organisation AND by the services the actor may see
 * (visibleServices): a person outside that scope is simply not found, so callers answer 404.
 * Engine code that acts for the organisation uses the org-only functions.
 */

export type PersonRow = {
  id: string;
  org_id: string;
  service_id: string;
  external_ref: string | null;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  date_of_birth: string | null;
  nhs_number: string | null;
  address: string;
  postcode: string | null;
  support_types: string[];
  communication_categories: string[];
  communication_needs: string;
  health_conditions: string;
  is_medication_critical: boolean;
  medication_critical_detail: string | null;
  falls_risk: string;
  self_neglect_risk: string;
  has_history_of_disengagement: boolean;
  disengagement_note: string;
  cultural_routines: string;
  gp: string;
  care_coordinator_id: string | null;
  housing_provider: string;
  access_arrangements: string;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export type CurrentProtocol = { id: string; version: number; content: ProtocolContent; reason: string; createdBy: string | null; createdAt: Date };

/**
 * Appends "<serviceColumn> is one of the actor's services" to a query's parameters and returns the
 * SQL condition ('true' for organisation-wide roles and the engine). Use it in every query that
 * lists or reads people or what hangs off them on behalf of an actor.
 */
export function serviceScope(actor: Actor, serviceColumn: string, params: unknown[]): string {
  const visible = visibleServices(actor);
  if (visible === 'all') return 'true';
  params.push([...visible]);
  return `${serviceColumn} = any($${params.length}::uuid[])`;
}

/** The person if they belong to the actor's organisation and one of the actor's services; else undefined (→ 404). */
export async function findVisiblePerson(db: Queryable, actor: Actor, personId: string): Promise<PersonRow | undefined> {
  if (!isUuid(personId)) return undefined;
  const params: unknown[] = [actor.orgId, personId];
  const scope = serviceScope(actor, 'p.service_id', params);
  const [row] = await db.query<PersonRow>(`select p.* from people p where p.org_id = $1 and p.id = $2 and ${scope}`, params);
  return row;
}

/** The person within an organisation, whatever the service (engine and system use only). */
export async function findPersonInOrg(db: Queryable, orgId: string, personId: string): Promise<PersonRow | undefined> {
  if (!isUuid(personId)) return undefined;
  const [row] = await db.query<PersonRow>('select * from people where org_id = $1 and id = $2', [orgId, personId]);
  return row;
}

/** The current protocol (highest version) of a person, or undefined when none has been written yet. */
export async function findCurrentProtocol(db: Queryable, orgId: string, personId: string): Promise<CurrentProtocol | undefined> {
  const [row] = await db.query<ProtocolVersionRow>(
    'select * from protocol_versions where org_id = $1 and person_id = $2 order by version desc limit 1',
    [orgId, personId],
  );
  return row ? toProtocol(row) : undefined;
}

/** One protocol version (for incidents, which pin the version they opened under). */
export async function findProtocolVersion(db: Queryable, orgId: string, personId: string, version: number): Promise<CurrentProtocol | undefined> {
  const [row] = await db.query<ProtocolVersionRow>(
    'select * from protocol_versions where org_id = $1 and person_id = $2 and version = $3',
    [orgId, personId, version],
  );
  return row ? toProtocol(row) : undefined;
}

/** Every version of a person's protocol, newest first. */
export async function listProtocolVersions(db: Queryable, orgId: string, personId: string): Promise<CurrentProtocol[]> {
  const rows = await db.query<ProtocolVersionRow>(
    'select * from protocol_versions where org_id = $1 and person_id = $2 order by version desc',
    [orgId, personId],
  );
  return rows.map(toProtocol);
}

export type PersonWithProtocol = {
  personId: string;
  orgId: string;
  serviceId: string;
  isMedicationCritical: boolean;
  protocol: CurrentProtocol;
};

/**
 * Every person with a current protocol, optionally in one organisation: what the schedule engine
 * expands into expected contacts.
 */
export async function listCurrentProtocols(db: Queryable, opts: { orgId?: string } = {}): Promise<PersonWithProtocol[]> {
  const params: unknown[] = [];
  let where = 'true';
  if (opts.orgId) {
    params.push(opts.orgId);
    where = 'p.org_id = $1';
  }
  const rows = await db.query<ProtocolVersionRow & { service_id: string; is_medication_critical: boolean }>(
    `select pv.*, p.service_id, p.is_medication_critical from people p
       join lateral (select * from protocol_versions v where v.person_id = p.id order by v.version desc limit 1) pv on true
      where ${where} order by p.org_id, p.id`,
    params,
  );
  return rows.map((r) => ({
    personId: r.person_id,
    orgId: r.org_id,
    serviceId: r.service_id,
    isMedicationCritical: r.is_medication_critical,
    protocol: toProtocol(r),
  }));
}

export type ProtocolVersionRow = {
  id: string;
  org_id: string;
  person_id: string;
  version: number;
  content: ProtocolContent;
  reason: string;
  created_by: string | null;
  created_at: Date;
};

const toProtocol = (r: ProtocolVersionRow): CurrentProtocol => ({
  id: r.id,
  version: r.version,
  content: typeof r.content === 'string' ? (JSON.parse(r.content) as ProtocolContent) : r.content,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach a uuid column (a bad one is "not found", not a 500). */
export const isUuid = (s: string): boolean => UUID.test(s);

/** The person's display name: preferred name where given. */
export const displayName = (p: Pick<PersonRow, 'given_name' | 'family_name' | 'preferred_name'>): string =>
  `${p.preferred_name?.trim() || p.given_name} ${p.family_name}`;

/** Public (API) shape of a person record. */
export function publicPerson(p: PersonRow) {
  return {
    id: p.id,
    serviceId: p.service_id,
    externalRef: p.external_ref,
    givenName: p.given_name,
    familyName: p.family_name,
    preferredName: p.preferred_name,
    displayName: displayName(p),
    dateOfBirth: p.date_of_birth,
    nhsNumber: p.nhs_number,
    address: p.address,
    postcode: p.postcode,
    supportTypes: p.support_types,
    communicationCategories: p.communication_categories,
    communicationNeeds: p.communication_needs,
    healthConditions: p.health_conditions,
    isMedicationCritical: p.is_medication_critical,
    medicationCriticalDetail: p.medication_critical_detail,
    fallsRisk: p.falls_risk,
    selfNeglectRisk: p.self_neglect_risk,
    hasHistoryOfDisengagement: p.has_history_of_disengagement,
    disengagementNote: p.disengagement_note,
    culturalRoutines: p.cultural_routines,
    gp: p.gp,
    careCoordinatorId: p.care_coordinator_id,
    housingProvider: p.housing_provider,
    accessArrangements: p.access_arrangements,
    version: p.version,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export { findAbsencesOverlapping, listAbsences } from './known-absences.ts';
export { listContacts, listConsentedContactsForStage } from './person-contacts.ts';
export { listDevices, findDeviceByExternalId } from './assistive-devices.ts';
export { listOpenReviewFlags } from './protocol-review-flags.ts';
