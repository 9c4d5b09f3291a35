import { serviceScope } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { localDate } from '../../domain/escalation/working-time.ts';
import type { Deps } from '../deps.ts';

/**
 * "At the door": today's visits for the worker's services, each with the person's open
 * incident if there is one; people with nothing scheduled today follow, so a worker can still
 * start "No answer" for an unplanned call.
 */
export async function doorVisits(deps: Deps, actor: Actor) {
  requireAction(actor, 'incident.respond');
  const today = localDate(deps.clock.now());
  const params: unknown[] = [actor.orgId, today];
  const scope = serviceScope(actor, 'p.service_id', params);
  const rows = await deps.db.query<{
    person_id: string; name: string; address: string; scheduled_contact_id: string | null; local_time: string | null; kind: string | null;
    status: string | null; incident_id: string | null; stage: number | null; version: number | null; is_medication_critical: boolean;
  }>(
    `select p.id as person_id, coalesce(nullif(trim(p.preferred_name), ''), p.given_name) || ' ' || p.family_name as name, p.address,
            p.is_medication_critical, sc.id as scheduled_contact_id, sc.local_time, sc.kind, sc.status,
            i.id as incident_id, i.stage, i.version
       from people p
       left join scheduled_contacts sc on sc.person_id = p.id and sc.local_date = $2::date and sc.kind in ('visit', 'welfare_check', 'sleep_in_check')
       left join incidents i on i.person_id = p.id and i.status = 'open'
      where p.org_id = $1 and ${scope}
      order by sc.due_at nulls last, p.family_name, p.given_name`,
    params,
  );
  return rows.map((r) => ({
    personId: r.person_id, name: r.name, address: r.address, isMedicationCritical: r.is_medication_critical,
    scheduledContactId: r.scheduled_contact_id, time: r.local_time, kind: r.kind, status: r.status,
    openIncident: r.incident_id ? { id: r.incident_id, stage: r.stage!, version: r.version! } : null,
  }));
}
