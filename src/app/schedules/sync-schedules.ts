import type { NewEvent } from '../../db/events.ts';
import { appendEvents } from '../../db/events.ts';
import type { Queryable } from '../../db/port.ts';
import { systemActor } from '../../db/repos/incident-opening.ts';
import { loadPersonFacts } from '../../db/repos/schedule-facts.ts';
import { decideInstances, insertInstances, type ContactDecision, type NewInstance, type ScheduledContactRow } from '../../db/repos/scheduled-contacts.ts';
import type { BankHolidays } from '../../domain/time/bank-holidays.ts';
import { nextRow } from './decide-windows.ts';
import './event-types.ts';

/**
 * Makes people's schedules follow their current protocol version (queued by a trigger when a
 * version is written). The rule, per expected contact key:
 * - a due instance whose window is open now is kept (it was promised under the old version);
 * - a due instance not yet open is replaced by the new version's next instance, unless it is
 *   the same (same time, window and medication), when it is simply kept;
 * - a key the new version no longer has: its future instance is cancelled, saying why;
 * - a key with no due instance gets its next one after now (never one already in the past,
 *   so writing a protocol never opens an incident for a time before it existed).
 * Claims queued people with SKIP LOCKED, so several engines can share the queue.
 */
export async function syncQueuedSchedules(tx: Queryable, now: Date, holidays: BankHolidays, limit = 200): Promise<number> {
  const queued = await tx.query<{ person_id: string }>(
    'select person_id from schedule_sync_queue order by queued_at limit $1 for update skip locked',
    [limit],
  );
  if (queued.length === 0) return 0;
  const ids = queued.map((q) => q.person_id);
  const facts = await loadPersonFacts(tx, ids);
  const due = await tx.query<ScheduledContactRow>(
    `select * from scheduled_contacts where person_id = any($1::uuid[]) and status = 'due' for update`,
    [ids],
  );
  const cancel: ContactDecision[] = [];
  const insert: NewInstance[] = [];
  const events: NewEvent[] = [];
  for (const personId of ids) {
    const f = facts.get(personId);
    if (!f?.protocol) continue;
    const protocol = f.protocol;
    const mine = due.filter((r) => r.person_id === personId);
    let created = 0;
    let cancelled = 0;
    for (const row of mine) {
      const contact = protocol.content.expectedContacts.find((c) => c.key === row.contact_key);
      if (row.opens_at.getTime() <= now.getTime() && contact) continue; // open now: kept
      const replacement = contact ? nextRow(f, protocol.id, contact, now, holidays, now) : null;
      const same = replacement && replacement.dueAt.getTime() === row.due_at.getTime()
        && replacement.closesAt.getTime() === row.window_closes_at.getTime() && replacement.carriesMedication === row.carries_medication;
      if (same) continue;
      cancel.push({
        id: row.id, status: 'cancelled', decidedAt: now,
        suspendedReason: contact ? `Protocol version ${protocol.version} changed this contact` : `Protocol version ${protocol.version} no longer has this contact`,
      });
      cancelled++;
      if (replacement) {
        insert.push(replacement);
        created++;
      }
    }
    for (const contact of protocol.content.expectedContacts) {
      if (mine.some((r) => r.contact_key === contact.key)) continue;
      const n = nextRow(f, protocol.id, contact, now, holidays, now);
      if (n) {
        insert.push(n);
        created++;
      }
    }
    events.push({
      actor: systemActor(f.orgId), type: 'schedule.synced', entityType: 'person', entityId: personId, at: now,
      data: { protocolVersionId: protocol.id, created, cancelled },
    });
  }
  await decideInstances(tx, cancel);
  await insertInstances(tx, insert);
  await appendEvents(tx, events);
  await tx.query('delete from schedule_sync_queue where person_id = any($1::uuid[])', [ids]);
  return ids.length;
}
