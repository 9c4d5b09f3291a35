import { logAccess } from '../../db/events.ts';
import { findCurrentProtocol } from '../../db/repos/people.ts';
import { displayName } from '../../db/repos/people.ts';
import { listContacts } from '../../db/repos/person-contacts.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { escalationSettings } from '../../domain/escalation/settings.ts';
import { easyReadDocument, type EasyReadDocument } from '../../domain/people/easy-read.ts';
import type { Deps } from '../deps.ts';
import { requireVisiblePerson } from './person-columns.ts';

/** The easy-read version of a person's current protocol (a read of their record, so it is logged). */
export async function easyReadFor(deps: Deps, actor: Actor, personId: string): Promise<EasyReadDocument> {
  requireAction(actor, 'person.read');
  const person = await requireVisiblePerson(deps.db, actor, personId);
  const protocol = await findCurrentProtocol(deps.db, actor.orgId, personId);
  if (!protocol) throw new DomainError('unprocessable', 'This person has no No Response Protocol yet; write one first');
  await logAccess(deps.db, actor, 'person', personId, 'easy-read protocol', deps.clock.now());
  const contacts = await listContacts(deps.db, actor.orgId, personId);
  const [service] = await deps.db.query<{ name: string }>('select name from services where id = $1', [person.service_id]);
  const [org] = await deps.db.query<{ settings: unknown }>('select settings from organisations where id = $1', [actor.orgId]);
  const [coordinator] = person.care_coordinator_id
    ? await deps.db.query<{ name: string }>('select name from staff where id = $1', [person.care_coordinator_id])
    : [];
  return easyReadDocument({
    name: displayName(person),
    serviceName: service?.name ?? '',
    careCoordinatorName: coordinator?.name ?? null,
    orgDefaults: escalationSettings(org?.settings).stageDeadlines,
    medicationCriticalDetail: person.is_medication_critical ? person.medication_critical_detail : null,
    protocol: protocol.content,
    contacts: contacts.map((c) => ({
      name: c.name, relationship: c.relationship, kind: c.kind, contactableFromStage: c.contactable_from_stage, hasConsent: c.has_consent,
    })),
  });
}
