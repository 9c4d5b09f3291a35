import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import type { NewEvent } from '../../db/events.ts';
import { appendEvents } from '../../db/events.ts';
import { incidentOpenedEvent, insertIncidents, runOpenedHooks, systemActor, type NewIncident } from '../../db/repos/incident-opening.ts';
import { expectedContactByKey, loadPersonFacts, type PersonFacts } from '../../db/repos/schedule-facts.ts';
import { decideInstances, insertInstances, type ContactDecision, type NewInstance, type ScheduledContactRow } from '../../db/repos/scheduled-contacts.ts';
import { decideClosedWindow } from '../../domain/check-in/decide-window.ts';
import type { BankHolidays } from '../../domain/time/bank-holidays.ts';
import { nextInstance, type ContactInstance } from '../../domain/time/recurrence.ts';
import type { ExpectedContact } from '../../domain/protocol/content.ts';
import './event-types.ts';

const KIND_LABELS: Record<string, string> = {
  visit: 'Visit', welfare_check: 'Welfare check', phone_check: 'Phone check', telecare_checkin: 'Telecare check-in', sleep_in_check: 'Sleep-in check',
};
const ukDate = (d: string) => d.split('-').reverse().join('/');
export const contactLabel = (r: Pick<ScheduledContactRow, 'kind' | 'local_time' | 'local_date'>) =>
  `${KIND_LABELS[r.kind] ?? r.kind} ${r.local_time} on ${ukDate(r.local_date)}`;

/**
 * Memo for nextInstance within one batch: a morning burst is thousands of people with the same
 * 09:00 visit, and the calendar arithmetic (Temporal) is most of the per-row CPU cost.
 */
export type InstanceMemo = Map<string, ContactInstance | null>;

/** The next instance of a schedule after `after`, or null when it has ended. */
export function nextRow(
  facts: PersonFacts, protocolVersionId: string, contact: ExpectedContact, after: Date, holidays: BankHolidays, now: Date,
  memo: InstanceMemo = new Map(),
): NewInstance | null {
  const key = `${after.getTime()}|${contact.windowMinutes}|${contact.skipOnBankHolidays}|${contact.times.join(',')}|${JSON.stringify(contact.recurrence)}`;
  let n = memo.get(key);
  if (n === undefined) {
    n = nextInstance(contact, after, holidays);
    memo.set(key, n);
  }
  if (!n) return null;
  return {
    id: newId(now.getTime()), orgId: facts.orgId, personId: facts.personId, protocolVersionId, contactKey: contact.key,
    kind: contact.kind, localDate: n.localDate, localTime: n.localTime, dueAt: n.dueAt, opensAt: n.opensAt, closesAt: n.closesAt,
    carriesMedication: contact.carriesMedication, createdAt: now,
  };
}

export type WindowOutcome = { contactId: string; personId: string; status: 'missed' | 'suspended'; incidentId: string | null; opened: boolean };

/**
 * Decides closed windows the caller has locked (FOR UPDATE) and that are still due: each
 * becomes suspended (known absence) or missed (an incident opened, or the miss added to the
 * person's open incident); the schedule's next instance is created; events and the incident
 * workflow's hooks are written — all in the caller's one transaction, so once it commits the
 * rows are no longer due and a rerun or another process finds nothing (CONVENTIONS "The engine").
 * Rows are taken oldest window first, so catch-up after downtime opens incidents in order.
 */
export async function decideWindows(tx: Queryable, rows: readonly ScheduledContactRow[], now: Date, holidays: BankHolidays): Promise<WindowOutcome[]> {
  if (rows.length === 0) return [];
  const sorted = [...rows].sort((a, b) => a.window_closes_at.getTime() - b.window_closes_at.getTime());
  const facts = await loadPersonFacts(tx, sorted.map((r) => r.person_id));
  const decisions: ContactDecision[] = [];
  const incidents: NewIncident[] = [];
  const next: NewInstance[] = [];
  const events: NewEvent[] = [];
  const outcomes: WindowOutcome[] = [];
  const memo: InstanceMemo = new Map();
  for (const row of sorted) {
    const f = facts.get(row.person_id);
    if (!f) throw new Error(`scheduled contact ${row.id} has no person`);
    const protocol = f.protocol?.content ?? { risk: { assessedLevel: 'high' as const, factors: [] } };
    const d = decideClosedWindow({
      window: { dueAt: row.due_at, closesAt: row.window_closes_at, carriesMedication: row.carries_medication },
      personIsMedicationCritical: f.isMedicationCritical, protocol, absences: f.absences,
      openNoResponseIncidentId: f.openNoResponseIncidentId, now,
    });
    const actor = systemActor(row.org_id);
    if (d.outcome === 'suspended') {
      decisions.push({ id: row.id, status: 'suspended', suspendedReason: d.reason, absenceId: d.absenceId, decidedAt: now });
      events.push({
        actor, type: 'scheduled_contact.suspended', entityType: 'person', entityId: row.person_id, at: now, reason: d.reason,
        data: { personId: row.person_id, contactKey: row.contact_key, dueAt: row.due_at.toISOString(), absenceId: d.absenceId },
      });
      outcomes.push({ contactId: row.id, personId: row.person_id, status: 'suspended', incidentId: null, opened: false });
    } else if (d.outcome === 'missed_joined') {
      decisions.push({ id: row.id, status: 'missed', incidentId: d.incidentId, decidedAt: now });
      events.push({
        actor, type: 'incident.contact_missed', entityType: 'incident', entityId: d.incidentId, at: now,
        data: { scheduledContactId: row.id, contactKey: row.contact_key, dueAt: row.due_at.toISOString() },
      });
      outcomes.push({ contactId: row.id, personId: row.person_id, status: 'missed', incidentId: d.incidentId, opened: false });
    } else {
      const incident: NewIncident = {
        id: newId(now.getTime()), orgId: row.org_id, personId: row.person_id, serviceId: f.serviceId,
        protocolVersionId: f.protocol?.id ?? null, kind: 'no_response', source: 'missed_window', scheduledContactId: row.id,
        checkInId: null, telecareEventId: null, assistiveDeviceId: null, stage: d.stage, stageReason: d.stageReason,
        isMedicationCritical: d.isMedicationCritical, openedAt: now, noticedLateMs: d.noticedLateMs, stageDeadlineAt: d.stageDeadlineAt,
        summary: `${contactLabel(row)}: no response${d.isMedicationCritical ? ' (carries time-critical medication)' : ''}`,
      };
      incidents.push(incident);
      // A later miss in this batch for the same person joins this incident.
      f.openNoResponseIncidentId = incident.id;
      decisions.push({ id: row.id, status: 'missed', incidentId: incident.id, decidedAt: now });
      outcomes.push({ contactId: row.id, personId: row.person_id, status: 'missed', incidentId: incident.id, opened: true });
    }
    const contact = expectedContactByKey(f.protocol?.content, row.contact_key);
    const n = contact && f.protocol ? nextRow(f, f.protocol.id, contact, row.due_at, holidays, now, memo) : null;
    if (n) next.push(n);
  }
  // Order matters: incidents exist before the rows point at them; decided rows stop being
  // 'due' before their successors are inserted (one due instance per schedule); the events
  // go last because appending locks the organisation's chain head until commit, and the
  // shorter that lock is held, the better several engines share one organisation's burst.
  await insertIncidents(tx, incidents);
  const changed = await decideInstances(tx, decisions);
  if (changed !== decisions.length) {
    // Cannot happen while callers hold the row locks; if it does, roll back and retry.
    throw Object.assign(new Error('a claimed window was decided elsewhere'), { code: '40001' });
  }
  await insertInstances(tx, next);
  await runOpenedHooks(tx, incidents);
  await appendEvents(tx, [...incidents.map((i) => incidentOpenedEvent(i)), ...events]);
  return outcomes;
}
