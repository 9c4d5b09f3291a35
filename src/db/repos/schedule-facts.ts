import type { ExpectedContact, ProtocolContent } from '../../domain/protocol/content.ts';
import type { Absence } from '../../domain/time/absences.ts';
import type { Queryable } from '../port.ts';

/**
 * What the schedule and the engine need to know about people, read in bulk (one query per
 * kind of fact for a whole batch). Reads the people tables (migration 0002) without owning them.
 */
export type PersonFacts = {
  personId: string;
  orgId: string;
  serviceId: string;
  displayName: string;
  isMedicationCritical: boolean;
  protocol: { id: string; version: number; content: ProtocolContent } | null;
  absences: Absence[];
  openNoResponseIncidentId: string | null;
};

export async function loadPersonFacts(tx: Queryable, personIds: readonly string[]): Promise<Map<string, PersonFacts>> {
  const ids = [...new Set(personIds)];
  const out = new Map<string, PersonFacts>();
  if (ids.length === 0) return out;
  const people = await tx.query<{ id: string; org_id: string; service_id: string; name: string; is_medication_critical: boolean }>(
    `select id, org_id, service_id, coalesce(preferred_name, given_name) || ' ' || family_name as name, is_medication_critical
       from people where id = any($1::uuid[])`,
    [ids],
  );
  for (const p of people) {
    out.set(p.id, {
      personId: p.id, orgId: p.org_id, serviceId: p.service_id, displayName: p.name, isMedicationCritical: p.is_medication_critical,
      protocol: null, absences: [], openNoResponseIncidentId: null,
    });
  }
  const protocols = await tx.query<{ id: string; person_id: string; version: number; content: ProtocolContent }>(
    `select distinct on (person_id) id, person_id, version, content
       from protocol_versions where person_id = any($1::uuid[]) order by person_id, version desc`,
    [ids],
  );
  for (const v of protocols) {
    const f = out.get(v.person_id);
    if (f) f.protocol = { id: v.id, version: v.version, content: v.content };
  }
  const absences = await tx.query<{ id: string; person_id: string; kind: string; starts_at: Date; expected_end_at: Date | null; ended_at: Date | null }>(
    `select id, person_id, kind, starts_at, expected_end_at, ended_at from known_absences where person_id = any($1::uuid[])`,
    [ids],
  );
  for (const a of absences) {
    out.get(a.person_id)?.absences.push({ id: a.id, kind: a.kind, startsAt: a.starts_at, expectedEndAt: a.expected_end_at, endedAt: a.ended_at });
  }
  const open = await tx.query<{ id: string; person_id: string }>(
    `select distinct on (person_id) id, person_id from incidents
      where person_id = any($1::uuid[]) and status = 'open' and kind = 'no_response' order by person_id, opened_at`,
    [ids],
  );
  for (const i of open) {
    const f = out.get(i.person_id);
    if (f) f.openNoResponseIncidentId = i.id;
  }
  return out;
}

export const expectedContactByKey = (content: ProtocolContent | undefined, key: string): ExpectedContact | undefined =>
  content?.expectedContacts.find((c) => c.key === key);
