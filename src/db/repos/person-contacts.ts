import type { Queryable } from '../port.ts';

export const CONTACT_KINDS = ['family', 'advocate', 'neighbour', 'key_holder', 'attorney_health_welfare',
  'attorney_property_affairs', 'deputy', 'other'] as const;
export type PersonContactKind = (typeof CONTACT_KINDS)[number];

export type ContactRow = {
  id: string;
  org_id: string;
  person_id: string;
  kind: PersonContactKind;
  name: string;
  relationship: string;
  phone: string | null;
  email: string | null;
  rank: number;
  has_consent: boolean;
  contactable_from_stage: number;
  notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  removed_at: Date | null;
};

/** A person's current contacts in rank order (removed ones only when asked for). */
export async function listContacts(db: Queryable, orgId: string, personId: string, opts: { includeRemoved?: boolean } = {}): Promise<ContactRow[]> {
  return db.query<ContactRow>(
    `select * from person_contacts where org_id = $1 and person_id = $2 ${opts.includeRemoved ? '' : 'and removed_at is null'}
      order by rank, name`,
    [orgId, personId],
  );
}

/**
 * The contacts that may be contacted at `stage` without an override: those the person consented to
 * and whose stage has been reached (no-response policy §14). Anyone else needs "significant and
 * immediate risk" and a reason — a decision the incident workflow records.
 */
export async function listConsentedContactsForStage(db: Queryable, orgId: string, personId: string, stage: number): Promise<ContactRow[]> {
  return db.query<ContactRow>(
    `select * from person_contacts where org_id = $1 and person_id = $2 and removed_at is null
        and has_consent and contactable_from_stage <= $3 order by rank, name`,
    [orgId, personId, stage],
  );
}

export async function findContact(db: Queryable, orgId: string, personId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await db.query<ContactRow>(
    'select * from person_contacts where org_id = $1 and person_id = $2 and id = $3 and removed_at is null',
    [orgId, personId, id],
  );
  return row;
}

export const publicContact = (c: ContactRow) => ({
  id: c.id,
  personId: c.person_id,
  kind: c.kind,
  name: c.name,
  relationship: c.relationship,
  phone: c.phone,
  email: c.email,
  rank: c.rank,
  hasConsent: c.has_consent,
  contactableFromStage: c.contactable_from_stage,
  notes: c.notes,
  version: c.version,
});
