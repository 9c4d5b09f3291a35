import { logAccess } from '../../db/events.ts';
import { findVisiblePerson, serviceScope } from '../../db/repos/people.ts';
import { loadPersonFacts, type PersonFacts } from '../../db/repos/schedule-facts.ts';
import type { ScheduledContactRow } from '../../db/repos/scheduled-contacts.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { notFound } from '../../domain/errors.ts';
import { absenceCovering, suspensionEndsAt, suspensionReason } from '../../domain/time/absences.ts';
import { shippedBankHolidays } from '../../domain/time/bank-holidays.ts';
import { addDays, londonDate, startOfLondonDay } from '../../domain/time/london.ts';
import { instancesBetween } from '../../domain/time/recurrence.ts';
import type { Deps } from '../deps.ts';
import { contactLabel } from './decide-windows.ts';

/**
 * What the schedule screens show. Only the next due instance of each schedule is stored; later
 * ones today are projected from the protocol ('planned'), never written ahead of time.
 */
export type ContactView = {
  id: string | null;
  personId: string;
  personName: string;
  contactKey: string;
  kind: string;
  label: string;
  dueAt: string;
  windowClosesAt: string;
  carriesMedication: boolean;
  /** due | responded | missed | suspended | cancelled | planned (projected, not yet created). */
  status: string;
  /** Why it is (or will be) suspended: the known absence in words. */
  suspendedReason: string | null;
  incidentId: string | null;
};

const view = (r: ScheduledContactRow, f: PersonFacts): ContactView => {
  const absence = r.status === 'due' ? absenceCovering(f.absences, r.due_at) : undefined;
  return {
    id: r.id, personId: r.person_id, personName: f.displayName, contactKey: r.contact_key, kind: r.kind, label: contactLabel(r),
    dueAt: r.due_at.toISOString(), windowClosesAt: r.window_closes_at.toISOString(), carriesMedication: r.carries_medication,
    status: absence ? 'suspended' : r.status, suspendedReason: absence ? suspensionReason(absence) : r.suspended_reason, incidentId: r.incident_id,
  };
};

function projected(f: PersonFacts, from: Date, to: Date, existing: ContactView[]): ContactView[] {
  const out: ContactView[] = [];
  for (const c of f.protocol?.content.expectedContacts ?? []) {
    // Only instances after the latest stored one of this schedule are projected.
    const last = existing.filter((e) => e.contactKey === c.key).reduce((m, e) => (e.dueAt > m ? e.dueAt : m), '');
    for (const i of instancesBetween(c, from, to, shippedBankHolidays(), 20)) {
      if (last && i.dueAt.toISOString() <= last) continue;
      const absence = absenceCovering(f.absences, i.dueAt);
      out.push({
        id: null, personId: f.personId, personName: f.displayName, contactKey: c.key, kind: c.kind,
        label: contactLabel({ kind: c.kind, local_time: i.localTime, local_date: i.localDate }),
        dueAt: i.dueAt.toISOString(), windowClosesAt: i.closesAt.toISOString(), carriesMedication: c.carriesMedication,
        status: absence ? 'suspended' : 'planned', suspendedReason: absence ? suspensionReason(absence) : null, incidentId: null,
      });
    }
  }
  return out;
}

/** A person's schedule: recent and next contacts (7 days back, 7 ahead projected) and absences. */
export async function readPersonSchedule(deps: Deps, actor: Actor, personId: string) {
  requireAction(actor, 'person.read');
  const now = deps.clock.now();
  const person = await findVisiblePerson(deps.db, actor, personId);
  if (!person) throw notFound('Person');
  await logAccess(deps.db, actor, 'person', person.id, 'schedule', now);
  const f = (await loadPersonFacts(deps.db, [person.id])).get(person.id)!;
  const rows = await deps.db.query<ScheduledContactRow>(
    `select * from scheduled_contacts where person_id = $1 and (status = 'due' or due_at >= $2) and status <> 'cancelled'
      order by due_at desc limit 200`,
    [person.id, new Date(now.getTime() - 7 * 86400_000)]);
  const stored = rows.map((r) => view(r, f));
  const ahead = projected(f, now, new Date(now.getTime() + 7 * 86400_000), stored);
  const contacts = [...stored, ...ahead].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return {
    person: { id: person.id, name: f.displayName, serviceId: person.service_id, isMedicationCritical: f.isMedicationCritical },
    protocolVersion: f.protocol?.version ?? null,
    contacts,
    absences: f.absences.map((a) => ({
      id: a.id, kind: a.kind, startsAt: a.startsAt.toISOString(), expectedEndAt: a.expectedEndAt?.toISOString() ?? null,
      endedAt: a.endedAt?.toISOString() ?? null, suspendsUntil: suspensionEndsAt(a)?.toISOString() ?? null,
      isCurrent: absenceCovering([a], now) !== undefined, reason: suspensionReason(a),
    })),
  };
}

/** Today's contacts (Europe/London) for a service's people, with their state. */
export async function readServiceToday(deps: Deps, actor: Actor, serviceId: string) {
  requireAction(actor, 'person.read');
  const now = deps.clock.now();
  const params: unknown[] = [actor.orgId, serviceId];
  const scope = serviceScope(actor, 's.id', params);
  const [service] = await deps.db.query<{ id: string; name: string }>(`select s.id, s.name from services s where s.org_id = $1 and s.id = $2 and ${scope}`, params);
  if (!service) throw notFound('Service');
  const today = londonDate(now);
  const from = startOfLondonDay(today);
  const to = startOfLondonDay(addDays(today, 1));
  const people = await deps.db.query<{ id: string }>('select id from people where org_id = $1 and service_id = $2', [actor.orgId, serviceId]);
  const facts = await loadPersonFacts(deps.db, people.map((p) => p.id));
  for (const p of people) await logAccess(deps.db, actor, 'person', p.id, 'service_today', now);
  const rows = await deps.db.query<ScheduledContactRow>(
    `select sc.* from scheduled_contacts sc join people p on p.id = sc.person_id
      where p.org_id = $1 and p.service_id = $2 and sc.due_at >= $3 and sc.due_at < $4 and sc.status <> 'cancelled' order by sc.due_at`,
    [actor.orgId, serviceId, from, to]);
  const contacts: ContactView[] = [];
  for (const f of facts.values()) {
    const stored = rows.filter((r) => r.person_id === f.personId).map((r) => view(r, f));
    contacts.push(...stored, ...projected(f, from, to, stored));
  }
  contacts.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.personName.localeCompare(b.personName));
  return { service, date: today, contacts };
}
