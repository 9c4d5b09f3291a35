import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import { findContact, publicContact } from '../../db/repos/person-contacts.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import type { ContactInput } from '../../domain/people/person-input.ts';
import type { Deps } from '../deps.ts';
import { requireVisiblePerson } from './person-columns.ts';
import './people-events.ts';

/**
 * A person's contacts: family, advocates, neighbours, key holders, attorneys and deputies, each
 * with the person's consent to their being contacted and the stage from which they may be
 * (no-response policy §14). Consent given or withdrawn is a decision about the person's wishes,
 * so it is recorded as its own event and always needs a reason.
 */

const COLUMNS = {
  kind: 'kind', name: 'name', relationship: 'relationship', phone: 'phone', email: 'email', rank: 'rank',
  hasConsent: 'has_consent', contactableFromStage: 'contactable_from_stage', notes: 'notes',
} as const;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];
const value = (c: ContactInput, f: Field) => c[f] ?? null;

export async function addContact(deps: Deps, actor: Actor, personId: string, input: ContactInput & { consentReason?: string }) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const id = newId(at.getTime());
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `insert into person_contacts (id, org_id, person_id, ${FIELDS.map((f) => COLUMNS[f]).join(', ')}, created_at, updated_at)
       values ($1, $2, $3, ${FIELDS.map((_, i) => `$${i + 4}`).join(', ')}, $${FIELDS.length + 4}, $${FIELDS.length + 4})`,
      [id, actor.orgId, personId, ...FIELDS.map((f) => value(input, f)), at],
    );
    await appendEvent(tx, {
      actor, type: 'person.contact_added', entityType: 'person', entityId: personId, at,
      reason: input.consentReason?.trim() || null,
      data: { contactId: id, kind: input.kind, name: input.name, rank: input.rank, hasConsent: input.hasConsent, contactableFromStage: input.contactableFromStage },
    });
  });
  return publicContact((await findContact(deps.db, actor.orgId, personId, id))!);
}

/**
 * Replaces a contact's details, compare-and-set on `version`. When `hasConsent` changes,
 * `consentReason` is required (400 naming it) and a person.contact_consent_changed event records
 * the change, the actor and the reason.
 */
export async function updateContact(
  deps: Deps, actor: Actor, personId: string, contactId: string,
  input: ContactInput & { version: number; consentReason?: string },
) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const current = await findContact(deps.db, actor.orgId, personId, contactId);
  if (!current) throw notFound('Contact');
  const consentChanged = current.has_consent !== input.hasConsent;
  const reason = input.consentReason?.trim();
  if (consentChanged && !reason) throw invalid('consentReason', 'Say why consent has changed (for example what the person said, and when)');
  const changed = FIELDS.filter((f) => JSON.stringify(current[COLUMNS[f]] ?? null) !== JSON.stringify(value(input, f)));
  if (changed.length === 0) return publicContact(current);
  await deps.db.transaction(async (tx) => {
    const rows = await tx.query(
      `update person_contacts set ${changed.map((f, i) => `${COLUMNS[f]} = $${i + 5}`).join(', ')}, version = version + 1, updated_at = $4
        where org_id = $1 and person_id = $2 and id = $3 and version = $${changed.length + 5} and removed_at is null returning id`,
      [actor.orgId, personId, contactId, at, ...changed.map((f) => value(input, f)), input.version],
    );
    if (rows.length === 0) throw conflict('Someone else changed this contact; reload and try again', 'version');
    const other = changed.filter((f) => f !== 'hasConsent');
    if (other.length) {
      await appendEvent(tx, {
        actor, type: 'person.contact_updated', entityType: 'person', entityId: personId, at,
        data: { contactId, changes: Object.fromEntries(other.map((f) => [f, value(input, f)])) },
      });
    }
    if (consentChanged) {
      await appendEvent(tx, {
        actor, type: 'person.contact_consent_changed', entityType: 'person', entityId: personId, at, reason,
        data: { contactId, name: input.name, hasConsent: input.hasConsent, previous: current.has_consent },
      });
    }
  });
  return publicContact((await findContact(deps.db, actor.orgId, personId, contactId))!);
}

/** Removes a contact from the person's list (kept in the database so past records still resolve). */
export async function removeContact(deps: Deps, actor: Actor, personId: string, contactId: string, input: { version: number; reason: string }) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const current = await findContact(deps.db, actor.orgId, personId, contactId);
  if (!current) throw notFound('Contact');
  await deps.db.transaction(async (tx) => {
    const rows = await tx.query(
      `update person_contacts set removed_at = $4, updated_at = $4, version = version + 1
        where org_id = $1 and person_id = $2 and id = $3 and version = $5 and removed_at is null returning id`,
      [actor.orgId, personId, contactId, at, input.version],
    );
    if (rows.length === 0) throw conflict('Someone else changed this contact; reload and try again', 'version');
    await appendEvent(tx, {
      actor, type: 'person.contact_removed', entityType: 'person', entityId: personId, at, reason: input.reason,
      data: { contactId, name: current.name },
    });
  });
}
