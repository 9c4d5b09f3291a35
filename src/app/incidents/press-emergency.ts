import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { findOpenIncidentForPerson, findVisibleIncident, type IncidentRow } from '../../db/repos/incident-workflow.ts';
import { incidentOpenedEvent, INCIDENT_OPENED_HOOKS, insertIncidents, type NewIncident } from '../../db/repos/incident-opening.ts';
import { displayName, findCurrentProtocol, findVisiblePerson } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { decideEmergency } from '../../domain/escalation/stages.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { snapshot, type IncidentSnapshot } from './incident-access.ts';
import { raiseAlert } from './raise-alert.ts';
import { incidentChanged, incidentContext, recordDecision } from './workflow-context.ts';

export type EmergencyInput = { incidentId?: string | null; personId?: string | null; what?: string | null };

/**
 * Emergency (no-response policy §20.4): one action for anyone, at any stage. It is never
 * blocked by role, training record, stage or a missing field: no version check, no required
 * text, a closed incident is not a reason (a new one opens). It records who, when and why,
 * moves the incident to external escalation and alerts the on-call chain in the same commit.
 */
export async function pressEmergency(deps: Deps, actor: Actor, input: EmergencyInput, idempotencyKey?: string): Promise<IncidentSnapshot> {
  requireAction(actor, 'incident.emergency');
  let personId = input.personId ?? null;
  if (input.incidentId) {
    const inc = await findVisibleIncident(deps.db, actor, input.incidentId);
    if (!inc) throw notFound('Incident');
    personId = inc.person_id;
  }
  if (!personId) throw invalid('personId', 'Say who the emergency is for');
  const person = await findVisiblePerson(deps.db, actor, personId);
  if (!person) throw notFound('Person');
  const what = (input.what ?? '').slice(0, 2000);
  return idempotentWrite(deps, actor, idempotencyKey, input, async (tx) => {
    const at = deps.clock.now();
    await tx.query('select id from people where id = $1 for update', [person.id]);
    let inc = await findOpenIncidentForPerson(tx, actor.orgId, person.id);
    const opened = !inc;
    if (!inc) {
      const protocol = await findCurrentProtocol(tx, actor.orgId, person.id);
      const id = newId(at.getTime());
      const incident: NewIncident = {
        id, orgId: actor.orgId, personId: person.id, serviceId: person.service_id, protocolVersionId: protocol?.id ?? null,
        kind: 'no_response', source: 'emergency', scheduledContactId: null, checkInId: null, telecareEventId: null, assistiveDeviceId: null,
        stage: 5, stageReason: 'emergency', isMedicationCritical: person.is_medication_critical, openedAt: at, noticedLateMs: 0,
        stageDeadlineAt: at, summary: `Emergency pressed (${displayName(person)})`,
      };
      await insertIncidents(tx, [incident]);
      await tx.query('update incidents set opened_by = $2 where id = $1', [id, actor.kind === 'staff' ? actor.id : null]);
      await appendEvent(tx, incidentOpenedEvent(incident, actor));
      for (const hook of INCIDENT_OPENED_HOOKS) await hook(tx, [incident]);
      [inc] = await tx.query<IncidentRow>('select * from incidents where id = $1', [id]);
    }
    await emergencyOn(tx, deps, actor, inc!, what, opened, at);
    return snapshot(tx, inc!.id);
  });
}

/** Moves an incident to stage 5 for an emergency and alerts on call (also used by the door checklist). */
export async function emergencyOn(tx: Queryable, deps: Deps, actor: Actor, inc: IncidentRow, what: string, opened: boolean, at: Date): Promise<void> {
  const ctx = await incidentContext(tx, inc);
  const d = decideEmergency(ctx.deadlines, at);
  const staffId = actor.kind === 'staff' ? actor.id : null;
  const [updated] = await tx.query<IncidentRow>(
    `update incidents set stage = 5, stage_deadline_at = $2, emergency_at = coalesce(emergency_at, $3), emergency_by = coalesce(emergency_by, $4),
       stage_reason = coalesce(stage_reason, 'emergency'), version = version + 1 where id = $1 returning *`,
    [inc.id, d.deadlineAt, at, staffId],
  );
  const alertId = await raiseAlert(tx, deps, updated, 'emergency', ctx.settings, at);
  await appendEvent(tx, {
    actor, type: 'incident.emergency', entityType: 'incident', entityId: inc.id, at,
    data: { from: opened ? null : inc.stage, opened, what, alertId }, reason: what || null,
  });
  await recordDecision(tx, actor, updated, { kind: 'emergency', summary: 'Emergency pressed: emergency services contacted', rationale: what }, ctx.settings, at);
  await incidentChanged(tx, inc, at);
}
