import { newId } from '../../src/db/ids.ts';
import type { Queryable } from '../../src/db/port.ts';
import type { DemoOrganisation } from '../../src/demo/organisation.ts';
import { protocolContent, type ExpectedContact, type RiskLevel } from '../../src/domain/protocol/content.ts';

/**
 * People with a protocol, written straight into the people tables (migration 0002) so that
 * schedule and engine tests do not depend on the people screens' validation of everything else.
 */
export type SeedContact = Partial<ExpectedContact> & Pick<ExpectedContact, 'key' | 'times'>;

export function protocolWith(contacts: SeedContact[], risk: RiskLevel = 'high') {
  return protocolContent.parse({
    risk: { assessedLevel: risk, factors: [] },
    expectedContacts: contacts.map((c) => ({ kind: 'visit', recurrence: { type: 'daily' }, windowMinutes: 15, ...c })),
    contactMethods: [{ method: 'phone_call', detail: 'mobile', attempts: 2, spacingMinutes: 5 }],
    knownRoutines: [], specificRisks: [],
    involvement: { howInvolved: 'Agreed with the person', wishes: '' },
    nextReviewDate: '2027-06-01',
  });
}

export async function seedPerson(
  db: Queryable, org: DemoOrganisation,
  opts: { contacts: SeedContact[]; name?: string; service?: 'scheme' | 'community'; medicationCritical?: boolean; risk?: RiskLevel },
  at: Date,
): Promise<{ personId: string; protocolVersionId: string }> {
  const personId = newId(at.getTime());
  const [given, family] = (opts.name ?? 'Amir Test').split(' ');
  await db.query(
    `insert into people (id, org_id, service_id, given_name, family_name, is_medication_critical, medication_critical_detail, created_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$8)`,
    [personId, org.orgId, org.serviceIds[opts.service ?? 'scheme'], given, family ?? 'Test', opts.medicationCritical ?? false,
      opts.medicationCritical ? 'Insulin with breakfast' : null, at],
  );
  const protocolVersionId = await seedProtocolVersion(db, org, personId, 1, opts.contacts, at, opts.risk);
  return { personId, protocolVersionId };
}

export async function seedProtocolVersion(
  db: Queryable, org: DemoOrganisation, personId: string, version: number, contacts: SeedContact[], at: Date, risk: RiskLevel = 'high',
): Promise<string> {
  const id = newId(at.getTime());
  await db.query(
    `insert into protocol_versions (id, org_id, person_id, version, content, reason, created_at) values ($1,$2,$3,$4,$5,$6,$7)`,
    [id, org.orgId, personId, version, JSON.stringify(protocolWith(contacts, risk)), 'test', at],
  );
  return id;
}

export async function seedAbsence(
  db: Queryable, org: DemoOrganisation, personId: string, kind: string, startsAt: Date, expectedEndAt: Date | null, at: Date,
): Promise<string> {
  const id = newId(at.getTime());
  await db.query(
    `insert into known_absences (id, org_id, person_id, kind, starts_at, expected_end_at, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$7,$7)`,
    [id, org.orgId, personId, kind, startsAt, expectedEndAt, at],
  );
  return id;
}

export async function seedDevice(db: Queryable, org: DemoOrganisation, personId: string, externalId: string, at: Date): Promise<string> {
  const id = newId(at.getTime());
  await db.query(
    `insert into assistive_devices (id, org_id, person_id, kind, purpose, external_device_id, created_at, updated_at)
     values ($1,$2,$3,'pendant_alarm','Calls for help',$4,$5,$5)`,
    [id, org.orgId, personId, externalId, at],
  );
  return id;
}
