import type { NewEvent } from '../../db/events.ts';
import { appendEvents } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { openIncidents, systemActor, type NewIncident } from '../../db/repos/incident-opening.ts';
import { loadPersonFacts } from '../../db/repos/schedule-facts.ts';
import { stageDeadline } from '../../domain/check-in/decide-window.ts';
import { invalid } from '../../domain/errors.ts';
import type { StageNumber } from '../../domain/protocol/content.ts';
import type { Deps } from '../deps.ts';
import { recordCheckInInTx } from '../check-ins/record-check-in.ts';
import '../schedules/event-types.ts';

export const TELECARE_KINDS = ['check_in', 'inactivity_alert', 'missed_check_in', 'fall', 'pendant_press',
  'device_offline', 'device_fault', 'low_battery'] as const;
export type TelecareKind = (typeof TELECARE_KINDS)[number];

export type TelecareEventInput = { eventId: string; deviceId: string; kind: TelecareKind; occurredAt: Date; detail?: string };

/**
 * What each telecare event does (no-response policy §11: technology failure, inactivity alerts
 * and missed check-ins are risk indicators, escalated in line with the person's protocol):
 * - check_in: a check-in from the device (answers a due telecare contact);
 * - inactivity_alert, missed_check_in: a no-response incident at stage 1;
 * - fall, pendant_press: the person (or a sensor) is calling for help now — a no-response
 *   incident that starts at stage 3, internal escalation, so the on-call manager is alerted
 *   at once; staff may still press Emergency (§20.4), which is a person's call, not a device's;
 * - device_offline, device_fault: a technology-failure incident at stage 1, following the
 *   person's contingency (the device's "what its failure means");
 * - low_battery: recorded (event and telecare record), no incident.
 * While a matching incident is open, the event is recorded on it instead of opening another.
 */
const PLAN: Record<TelecareKind, { open: null | { kind: 'no_response' | 'technology_failure'; stage: StageNumber; reason: string | null } }> = {
  check_in: { open: null },
  inactivity_alert: { open: { kind: 'no_response', stage: 1, reason: null } },
  missed_check_in: { open: { kind: 'no_response', stage: 1, reason: null } },
  fall: { open: { kind: 'no_response', stage: 3, reason: 'telecare_fall' } },
  pendant_press: { open: { kind: 'no_response', stage: 3, reason: 'telecare_pendant_press' } },
  device_offline: { open: { kind: 'technology_failure', stage: 1, reason: null } },
  device_fault: { open: { kind: 'technology_failure', stage: 1, reason: null } },
  low_battery: { open: null },
};
const LABELS: Record<TelecareKind, string> = {
  check_in: 'Telecare check-in', inactivity_alert: 'Telecare inactivity alert', missed_check_in: 'Telecare missed check-in',
  fall: 'Telecare fall detected', pendant_press: 'Pendant alarm pressed', device_offline: 'Telecare device offline',
  device_fault: 'Telecare device fault', low_battery: 'Telecare device battery low',
};

export type TelecareAnswer = { id: string; kind: string; action: 'check_in_recorded' | 'incident_opened' | 'recorded_on_incident' | 'recorded'; incidentId: string | null; checkInId: string | null; replayed: boolean };

/** Records one authenticated telecare event; a redelivery (same sender and event id) gets the first answer. */
export async function receiveTelecareEvent(deps: Deps, sender: { id: string; orgId: string }, input: TelecareEventInput): Promise<TelecareAnswer> {
  const now = deps.clock.now();
  const [device] = await deps.db.query<{ id: string; person_id: string }>(
    'select id, person_id from assistive_devices where org_id = $1 and external_device_id = $2 and removed_at is null',
    [sender.orgId, input.deviceId]);
  if (!device) throw invalid('deviceId', 'Unknown device: no person in this organisation has a device with this id');
  if (input.occurredAt.getTime() > now.getTime() + 5 * 60_000) throw invalid('occurredAt', 'The event is in the future');
  return deps.db.transaction(async (tx) => {
    const [seen] = await tx.query<{ response: TelecareAnswer }>(
      'select response from telecare_events where sender_id = $1 and external_event_id = $2', [sender.id, input.eventId]);
    if (seen) return { ...seen.response, replayed: true };
    const answer = await handle(tx, sender, device, input, now);
    await tx.query(
      `insert into telecare_events (id, org_id, sender_id, external_event_id, assistive_device_id, person_id, kind, occurred_at,
         received_at, detail, response) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [answer.id, sender.orgId, sender.id, input.eventId, device.id, device.person_id, input.kind, input.occurredAt, now,
        input.detail ?? '', JSON.stringify(answer)]);
    return answer;
  });
}

async function handle(tx: Queryable, sender: { id: string; orgId: string }, device: { id: string; person_id: string }, input: TelecareEventInput, now: Date): Promise<TelecareAnswer> {
  const id = newId(now.getTime());
  const actor = systemActor(sender.orgId);
  const events: NewEvent[] = [{
    actor, type: 'telecare.event_received', entityType: 'person', entityId: device.person_id, at: now,
    data: { personId: device.person_id, deviceId: device.id, kind: input.kind, externalEventId: input.eventId, occurredAt: input.occurredAt.toISOString() },
  }];
  const base = { id, kind: input.kind, replayed: false };
  if (input.kind === 'check_in') {
    await appendEvents(tx, events);
    const checkIn = await recordCheckInInTx(tx, actor, {
      personId: device.person_id, source: 'telecare', outcome: 'responded', occurredAt: input.occurredAt < now ? input.occurredAt : now,
      telecareEventId: id, note: input.detail,
    }, now);
    return { ...base, action: 'check_in_recorded', incidentId: checkIn.incidentId, checkInId: checkIn.id };
  }
  const plan = PLAN[input.kind].open;
  if (!plan) {
    await appendEvents(tx, events);
    return { ...base, action: 'recorded', incidentId: null, checkInId: null };
  }
  const [open] = await tx.query<{ id: string }>(
    `select id from incidents where person_id = $1 and status = 'open' and kind = $2
        and ($2 = 'no_response' or assistive_device_id = $3) order by opened_at limit 1`,
    [device.person_id, plan.kind, device.id]);
  if (open) {
    events.push({ actor, type: 'incident.telecare_event', entityType: 'incident', entityId: open.id, at: now, data: { telecareEventId: id, kind: input.kind, occurredAt: input.occurredAt.toISOString() } });
    await appendEvents(tx, events);
    return { ...base, action: 'recorded_on_incident', incidentId: open.id, checkInId: null };
  }
  const f = (await loadPersonFacts(tx, [device.person_id])).get(device.person_id)!;
  const protocol = f.protocol?.content ?? { risk: { assessedLevel: 'high' as const, factors: [] } };
  const incident: NewIncident = {
    id: newId(now.getTime()), orgId: sender.orgId, personId: device.person_id, serviceId: f.serviceId, protocolVersionId: f.protocol?.id ?? null,
    kind: plan.kind, source: 'telecare', scheduledContactId: null, checkInId: null, telecareEventId: id,
    assistiveDeviceId: device.id, stage: plan.stage, stageReason: plan.reason, isMedicationCritical: false, openedAt: now,
    noticedLateMs: Math.max(0, now.getTime() - input.occurredAt.getTime()), stageDeadlineAt: stageDeadline(protocol, plan.stage, now),
    summary: `${LABELS[input.kind]}${input.detail ? `: ${input.detail.slice(0, 200)}` : ''}`,
  };
  await openIncidents(tx, [incident], events);
  return { ...base, action: 'incident_opened', incidentId: incident.id, checkInId: null };
}
