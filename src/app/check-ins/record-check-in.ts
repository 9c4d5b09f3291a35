import type { NewEvent } from '../../db/events.ts';
import { appendEvents } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { openIncidents, type NewIncident } from '../../db/repos/incident-opening.ts';
import { findVisiblePerson } from '../../db/repos/people.ts';
import { loadPersonFacts } from '../../db/repos/schedule-facts.ts';
import { insertInstances, type ScheduledContactRow } from '../../db/repos/scheduled-contacts.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { actorId, requireAction } from '../../domain/access/actor.ts';
import { stageDeadline } from '../../domain/check-in/decide-window.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { shippedBankHolidays } from '../../domain/time/bank-holidays.ts';
import type { Deps } from '../deps.ts';
import { decideWindows, nextRow } from '../schedules/decide-windows.ts';
import { checkKey, idempotent, type StoredAnswer } from './idempotency.ts';
import '../schedules/event-types.ts';

export type CheckInInput = {
  personId: string;
  source: 'staff' | 'phone_call' | 'telecare';
  outcome: 'responded' | 'responded_with_concern';
  /** What gave concern (policy §1: a delayed or inconsistent response); required with that outcome. */
  concern?: string | null;
  note?: string;
  /** One particular contact (the check-in button on a contact); otherwise matched by time. */
  scheduledContactId?: string | null;
  /** When it happened, for a phone call logged afterwards; at most 12 hours ago. */
  occurredAt?: Date | null;
  telecareEventId?: string | null;
};

export type CheckInAnswer = {
  id: string;
  personId: string;
  source: string;
  outcome: string;
  occurredAt: string;
  scheduledContactId: string | null;
  /** 'responded' when it answered a due contact in its window. */
  contactStatus: string | null;
  incidentId: string | null;
  incidentOpened: boolean;
  isLate: boolean;
};

const MAX_BACKDATE_MS = 12 * 3600_000;

/**
 * Records that the person responded (no-response policy §1, §6):
 * - inside a due contact's window → the contact is 'responded' and no incident opens;
 * - a window that has already closed, not yet decided by the engine → decided here first,
 *   exactly as the engine would (incident opened), so the response is recorded ON it;
 * - while a no-response incident is open → recorded on the incident as an event, never lost;
 * - "responded, but with concern" → an incident opens at once at stage 1 (or the concern is
 *   added to the open one).
 * Everything in the caller's one transaction.
 */
export async function recordCheckInInTx(tx: Queryable, actor: Actor, input: CheckInInput, now: Date): Promise<CheckInAnswer> {
  const at = input.occurredAt ?? now;
  if (at.getTime() > now.getTime() + 60_000) throw invalid('occurredAt', 'A check-in cannot be in the future');
  if (at.getTime() < now.getTime() - MAX_BACKDATE_MS) throw invalid('occurredAt', 'A check-in can be logged up to 12 hours afterwards');
  if (input.outcome === 'responded_with_concern' && !input.concern?.trim()) {
    throw invalid('concern', 'Say what gave you concern');
  }
  const person = await findVisiblePerson(tx, actor, input.personId);
  if (!person) throw notFound('Person');

  let contacts: ScheduledContactRow[];
  if (input.scheduledContactId) {
    contacts = await tx.query<ScheduledContactRow>(
      'select * from scheduled_contacts where id = $1 and person_id = $2 for update', [input.scheduledContactId, person.id]);
    if (contacts.length === 0) throw notFound('Scheduled contact');
  } else {
    contacts = await tx.query<ScheduledContactRow>(
      `select * from scheduled_contacts where person_id = $1 and status = 'due' and opens_at <= $2 order by due_at for update`,
      [person.id, at]);
  }
  // Windows that closed before this response and are still undecided are decided now.
  const closed = contacts.filter((c) => c.status === 'due' && c.window_closes_at.getTime() < at.getTime());
  await decideWindows(tx, closed, now, shippedBankHolidays());
  const answered = contacts.find((c) => c.status === 'due' && c.window_closes_at.getTime() >= at.getTime() && c.opens_at.getTime() <= at.getTime());
  const facts = (await loadPersonFacts(tx, [person.id])).get(person.id)!;

  const id = newId(now.getTime());
  const events: NewEvent[] = [];
  const incidents: NewIncident[] = [];
  let incidentId = facts.openNoResponseIncidentId;
  const isLate = !answered && incidentId !== null;
  if (input.outcome === 'responded_with_concern' && !incidentId) {
    const protocol = facts.protocol?.content ?? { risk: { assessedLevel: 'high' as const, factors: [] } };
    const incident: NewIncident = {
      id: newId(now.getTime()), orgId: person.org_id, personId: person.id, serviceId: person.service_id,
      protocolVersionId: facts.protocol?.id ?? null, kind: 'no_response', source: 'concern_checkin', scheduledContactId: null,
      checkInId: id, telecareEventId: input.telecareEventId ?? null, assistiveDeviceId: null, stage: 1, stageReason: null,
      isMedicationCritical: false, openedAt: now, noticedLateMs: 0, stageDeadlineAt: stageDeadline(protocol, 1, now),
      summary: `Responded, but with concern: ${input.concern!.trim().slice(0, 200)}`,
    };
    incidents.push(incident);
    incidentId = incident.id;
  } else if (incidentId) {
    events.push({
      actor, type: 'incident.check_in_received', entityType: 'incident', entityId: incidentId, at: now,
      data: { checkInId: id, source: input.source, outcome: input.outcome, occurredAt: at.toISOString(), concern: input.concern?.trim() || null },
    });
  }
  await openIncidents(tx, incidents);
  await tx.query(
    `insert into check_ins (id, org_id, person_id, source, outcome, concern, note, occurred_at, recorded_at, recorded_by,
       scheduled_contact_id, incident_id, is_late, telecare_event_id)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [id, person.org_id, person.id, input.source, input.outcome, input.concern?.trim() || null, input.note?.trim() ?? '', at, now,
      actor.kind === 'staff' ? actorId(actor) : null, answered?.id ?? input.scheduledContactId ?? null, incidentId, isLate,
      input.telecareEventId ?? null],
  );
  if (answered) {
    await tx.query(
      `update scheduled_contacts set status = 'responded', check_in_id = $2, decided_at = $3 where id = $1 and status = 'due'`,
      [answered.id, id, now]);
  }
  events.unshift({
    actor, type: 'check_in.recorded', entityType: 'person', entityId: person.id, at: now, reason: input.concern?.trim() || null,
    data: {
      personId: person.id, source: input.source, outcome: input.outcome, scheduledContactId: answered?.id ?? null,
      incidentId, isLate, occurredAt: at.toISOString(),
    },
  });
  await appendEvents(tx, events);
  // The next instance of an answered schedule is created now, not when its window closes.
  if (answered) await createNextAfterResponse(tx, answered, now);
  return {
    id, personId: person.id, source: input.source, outcome: input.outcome, occurredAt: at.toISOString(),
    scheduledContactId: answered?.id ?? input.scheduledContactId ?? null, contactStatus: answered ? 'responded' : null,
    incidentId, incidentOpened: incidents.length > 0, isLate,
  };
}

async function createNextAfterResponse(tx: Queryable, answered: ScheduledContactRow, now: Date) {
  const f = (await loadPersonFacts(tx, [answered.person_id])).get(answered.person_id)!;
  const contact = f.protocol?.content.expectedContacts.find((c) => c.key === answered.contact_key);
  const n = contact && f.protocol ? nextRow(f, f.protocol.id, contact, answered.due_at, shippedBankHolidays(), now) : null;
  if (n) await insertInstances(tx, [n]);
}

/** The use-case behind POST /api/check-ins: role, idempotency, one transaction. */
export async function recordCheckIn(
  deps: Deps, actor: Actor, key: string | undefined, input: CheckInInput,
): Promise<StoredAnswer<CheckInAnswer>> {
  requireAction(actor, 'checkin.record');
  const k = checkKey(key);
  const now = deps.clock.now();
  const request = { ...input, occurredAt: input.occurredAt?.toISOString() ?? null };
  return deps.db.transaction((tx) =>
    idempotent(tx, actor.orgId, 'check-in', k, request, now, async () => ({ status: 201, body: await recordCheckInInTx(tx, actor, input, now) })));
}
