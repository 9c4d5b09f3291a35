import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { IncidentRow } from '../../db/repos/incident-workflow.ts';
import { findOpenIncidentForPerson } from '../../db/repos/incident-workflow.ts';
import { incidentOpenedEvent, INCIDENT_OPENED_HOOKS, insertIncidents, type NewIncident } from '../../db/repos/incident-opening.ts';
import { displayName, findCurrentProtocol, findVisiblePerson } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { deadlineFor, openingStage } from '../../domain/escalation/stages.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { snapshot, type IncidentSnapshot } from './incident-access.ts';
import { raiseAlert } from './raise-alert.ts';
import { incidentChanged, incidentContext } from './workflow-context.ts';

export type OpenAtDoorInput = { personId: string; scheduledContactId?: string | null };

/**
 * A worker at the door gets no answer (no-response policy §20.1): opens the person's incident,
 * or returns the one already open (the engine may have opened it when the window passed).
 * A medication-carrying contact of a medication-critical person starts at internal escalation (§6).
 */
export async function openAtDoor(deps: Deps, actor: Actor, input: OpenAtDoorInput, idempotencyKey?: string): Promise<IncidentSnapshot & { isNew: boolean }> {
  requireAction(actor, 'incident.respond');
  const person = await findVisiblePerson(deps.db, actor, input.personId);
  if (!person) throw notFound('Person');
  return idempotentWrite(deps, actor, idempotencyKey, input, async (tx) => {
    const at = deps.clock.now();
    await tx.query('select id from people where id = $1 for update', [person.id]); // one opening per person at a time
    const open = await findOpenIncidentForPerson(tx, actor.orgId, person.id);
    if (open) return { ...(await snapshot(tx, open.id)), isNew: false };
    let carriesMedication = person.is_medication_critical;
    if (input.scheduledContactId) {
      const [sc] = await tx.query<{ id: string; carries_medication: boolean }>(
        'select id, carries_medication from scheduled_contacts where org_id = $1 and person_id = $2 and id = $3',
        [actor.orgId, person.id, input.scheduledContactId]);
      if (!sc) throw invalid('scheduledContactId', 'That visit is not one of this person\'s');
      carriesMedication = person.is_medication_critical && sc.carries_medication;
    }
    const protocol = await findCurrentProtocol(tx, actor.orgId, person.id);
    const stage = openingStage(carriesMedication);
    const id = newId(at.getTime());
    const draft = { org_id: actor.orgId, protocol_version_id: protocol?.id ?? null };
    const { deadlines, settings } = await incidentContext(tx, draft);
    const deadlineAt = deadlineFor(deadlines, stage, at);
    const incident: NewIncident = {
      id, orgId: actor.orgId, personId: person.id, serviceId: person.service_id, protocolVersionId: protocol?.id ?? null,
      kind: 'no_response', source: 'staff_at_door',
      // Not linked through incidents.scheduled_contact_id: that unique link is the engine's "one
      // missed window opens one incident"; when this window closes the engine joins the miss to
      // this incident while it is open (the visit is linked from scheduled_contacts.incident_id).
      scheduledContactId: null, checkInId: null,
      telecareEventId: null, assistiveDeviceId: null, stage, stageReason: stage === 3 ? 'medication_critical' : null,
      isMedicationCritical: carriesMedication, openedAt: at, noticedLateMs: 0, stageDeadlineAt: deadlineAt,
      summary: `No answer at the door (${displayName(person)})`,
    };
    await insertIncidents(tx, [incident]);
    await tx.query('update incidents set opened_by = $2 where id = $1', [id, actor.kind === 'staff' ? actor.id : null]);
    if (input.scheduledContactId) await tx.query('update scheduled_contacts set incident_id = $1 where id = $2 and incident_id is null', [id, input.scheduledContactId]);
    await appendEvent(tx, incidentOpenedEvent(incident, actor));
    for (const hook of INCIDENT_OPENED_HOOKS) await hook(tx, [incident]);
    const [inc] = await tx.query<IncidentRow>('select * from incidents where id = $1', [id]);
    if (stage >= 3) await raiseAlert(tx, deps, inc, 'internal_escalation', settings, at);
    await incidentChanged(tx, inc, at);
    return { ...(await snapshot(tx, id)), isNew: true };
  });
}
