import type { SystemActor } from '../../domain/access/actor.ts';
import type { NewEvent } from '../events.ts';
import { appendEvents } from '../events.ts';
import type { Queryable } from '../port.ts';
import '../../app/schedules/event-types.ts';

/**
 * Opening a no-response or technology-failure incident: the engine (missed windows), a
 * concern check-in and telecare all open incidents through here, in their own transaction.
 */
export type NewIncident = {
  id: string;
  orgId: string;
  personId: string;
  serviceId: string;
  protocolVersionId: string | null;
  kind: 'no_response' | 'technology_failure';
  source: 'missed_window' | 'concern_checkin' | 'telecare' | 'staff_at_door' | 'emergency';
  scheduledContactId: string | null;
  checkInId: string | null;
  telecareEventId: string | null;
  assistiveDeviceId: string | null;
  stage: 1 | 2 | 3 | 4 | 5;
  stageReason: string | null;
  isMedicationCritical: boolean;
  openedAt: Date;
  noticedLateMs: number;
  stageDeadlineAt: Date | null;
  /** One line for the record, e.g. "Morning visit 09:00 on 23/11/2026: no response". */
  summary: string;
};

/**
 * Hooks run inside the opening transaction, after the incidents are written: the incident
 * workflow adds its alert and outbox rows here so that nothing is enqueued outside it.
 */
export type IncidentOpenedHook = (tx: Queryable, incidents: readonly NewIncident[]) => Promise<void>;
export const INCIDENT_OPENED_HOOKS: IncidentOpenedHook[] = [];

export const systemActor = (orgId: string): SystemActor => ({ kind: 'system', orgId });

/** The 'incident.opened' event for an incident (appended by the caller with its other events). */
export function incidentOpenedEvent(i: NewIncident, actor: NewEvent['actor'] = systemActor(i.orgId)): NewEvent {
  return {
    actor, type: 'incident.opened', entityType: 'incident', entityId: i.id, at: i.openedAt,
    reason: i.stageReason,
    data: {
      personId: i.personId, kind: i.kind, source: i.source, stage: i.stage, stageReason: i.stageReason,
      protocolVersionId: i.protocolVersionId, scheduledContactId: i.scheduledContactId, checkInId: i.checkInId,
      telecareEventId: i.telecareEventId, isMedicationCritical: i.isMedicationCritical, noticedLateMs: i.noticedLateMs,
      stageDeadlineAt: i.stageDeadlineAt?.toISOString() ?? null, summary: i.summary,
    },
  };
}

/**
 * Writes incidents in one statement. A second incident for the same missed contact violates
 * incidents_one_per_missed_contact and rolls the whole transaction back: exactly once.
 */
export async function insertIncidents(tx: Queryable, incidents: readonly NewIncident[]): Promise<void> {
  if (incidents.length === 0) return;
  await tx.query(
    `insert into incidents (id, org_id, person_id, service_id, protocol_version_id, kind, source, scheduled_contact_id,
       check_in_id, telecare_event_id, assistive_device_id, stage, stage_reason, status, is_medication_critical,
       opened_at, noticed_late_ms, stage_deadline_at, version)
     select x.id, x.org_id, x.person_id, x.service_id, x.protocol_version_id, x.kind, x.source, x.scheduled_contact_id,
       x.check_in_id, x.telecare_event_id, x.assistive_device_id, x.stage, x.stage_reason, 'open', x.is_medication_critical,
       x.opened_at, x.noticed_late_ms, x.stage_deadline_at, 1
       from jsonb_to_recordset($1::jsonb) as x(id uuid, org_id uuid, person_id uuid, service_id uuid, protocol_version_id uuid,
         kind text, source text, scheduled_contact_id uuid, check_in_id uuid, telecare_event_id uuid, assistive_device_id uuid,
         stage int, stage_reason text, is_medication_critical boolean, opened_at timestamptz, noticed_late_ms int,
         stage_deadline_at timestamptz)`,
    [JSON.stringify(incidents.map((i) => ({
      id: i.id, org_id: i.orgId, person_id: i.personId, service_id: i.serviceId, protocol_version_id: i.protocolVersionId,
      kind: i.kind, source: i.source, scheduled_contact_id: i.scheduledContactId, check_in_id: i.checkInId,
      telecare_event_id: i.telecareEventId, assistive_device_id: i.assistiveDeviceId, stage: i.stage, stage_reason: i.stageReason,
      is_medication_critical: i.isMedicationCritical, opened_at: i.openedAt.toISOString(),
      noticed_late_ms: Math.min(i.noticedLateMs, 2_147_483_647), stage_deadline_at: i.stageDeadlineAt?.toISOString() ?? null,
    })))],
  );
}

/** Opens incidents with their events and the workflow's hooks, all in the caller's transaction. */
export async function openIncidents(tx: Queryable, incidents: readonly NewIncident[], extraEvents: readonly NewEvent[] = []): Promise<void> {
  await insertIncidents(tx, incidents);
  await appendEvents(tx, [...incidents.map((i) => incidentOpenedEvent(i)), ...extraEvents]);
  await runOpenedHooks(tx, incidents);
}

export async function runOpenedHooks(tx: Queryable, incidents: readonly NewIncident[]): Promise<void> {
  if (incidents.length === 0) return;
  for (const hook of INCIDENT_OPENED_HOOKS) await hook(tx, incidents);
}
