import { logAccess } from '../../db/events.ts';
import { listDevices, publicDevice } from '../../db/repos/assistive-devices.ts';
import { listAbsences, publicAbsence } from '../../db/repos/known-absences.ts';
import { listProtocolVersions, publicPerson } from '../../db/repos/people.ts';
import { listContacts, publicContact } from '../../db/repos/person-contacts.ts';
import { listOpenReviewFlags, publicReviewFlag } from '../../db/repos/protocol-review-flags.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import type { Deps } from '../deps.ts';
import { requireVisiblePerson } from './person-columns.ts';

/**
 * A person's whole record: summary, current protocol, contacts, devices, absences, open review
 * flags and the list of protocol versions. Every read is itself logged with its purpose.
 */
export async function readPerson(deps: Deps, actor: Actor, personId: string, purpose = 'view person record') {
  requireAction(actor, 'person.read');
  const person = await requireVisiblePerson(deps.db, actor, personId);
  await logAccess(deps.db, actor, 'person', personId, purpose, deps.clock.now());
  const [contacts, devices, absences, flags, versions, staff] = await Promise.all([
    listContacts(deps.db, actor.orgId, personId),
    listDevices(deps.db, actor.orgId, personId),
    listAbsences(deps.db, actor.orgId, personId),
    listOpenReviewFlags(deps.db, actor.orgId, personId),
    listProtocolVersions(deps.db, actor.orgId, personId),
    deps.db.query<{ id: string; name: string }>('select id, name from staff where org_id = $1', [actor.orgId]),
  ]);
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const [service] = await deps.db.query<{ name: string }>('select name from services where id = $1', [person.service_id]);
  return {
    person: { ...publicPerson(person), serviceName: service?.name ?? '', careCoordinatorName: person.care_coordinator_id ? staffName.get(person.care_coordinator_id) ?? null : null },
    protocol: versions[0] ? { id: versions[0].id, version: versions[0].version, content: versions[0].content } : null,
    versions: versions.map((v) => ({
      id: v.id, version: v.version, reason: v.reason, createdAt: v.createdAt,
      createdBy: v.createdBy, createdByName: v.createdBy ? staffName.get(v.createdBy) ?? null : null,
    })),
    contacts: contacts.map(publicContact),
    devices: devices.map(publicDevice),
    absences: absences.map(publicAbsence),
    reviewFlags: flags.map(publicReviewFlag),
  };
}
