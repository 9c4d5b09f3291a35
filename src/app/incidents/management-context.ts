import type { Queryable } from '../../db/port.ts';
import type { IncidentRow } from '../../db/repos/incident-workflow.ts';
import { WEEKDAYS, type ProtocolContent } from '../../domain/protocol/content.ts';
import { dayOfWeek, londonDate, londonTime } from '../../domain/time/london.ts';

const DAY = 86_400_000;

/**
 * What management must review at internal escalation (no-response policy §20.1): known
 * routines, recent changes, hospital admissions, holidays, and earlier non-response with how
 * each ended. Routines that cover the missed time are put first (SCENARIOS 2).
 */
export async function managementContext(db: Queryable, inc: IncidentRow, protocol: ProtocolContent | null, now: Date) {
  const absences = await db.query<{ kind: string; starts_at: Date; expected_end_at: Date | null; ended_at: Date | null; note: string }>(
    `select kind, starts_at, expected_end_at, ended_at, note from known_absences
      where person_id = $1 and starts_at > $2 order by starts_at desc limit 10`,
    [inc.person_id, new Date(now.getTime() - 90 * DAY)],
  );
  const earlier = await db.query<{ id: string; opened_at: Date; outcome: string | null; outcome_rationale: string | null; stage: number; status: string }>(
    `select id, opened_at, outcome, outcome_rationale, stage, status from incidents
      where person_id = $1 and id <> $2 order by opened_at desc limit 10`,
    [inc.person_id, inc.id],
  );
  const changes = await db.query<{ at: Date; type: string; reason: string | null }>(
    `select at, type, reason from events where org_id = $1 and entity_type = 'person' and entity_id = $2 and at > $3
      and type not in ('person.created') order by seq desc limit 10`,
    [inc.org_id, inc.person_id, new Date(now.getTime() - 30 * DAY)],
  );
  const weekday = WEEKDAYS[dayOfWeek(londonDate(inc.opened_at)) - 1];
  const hhmm = londonTime(inc.opened_at);
  const routines = (protocol?.knownRoutines ?? []).map((r) => ({ ...r, coversThisTime: r.days.includes(weekday) && r.from <= hhmm && hhmm <= r.to }));
  routines.sort((a, b) => Number(b.coversThisTime) - Number(a.coversThisTime));
  return {
    knownRoutines: routines,
    absences: absences.map((a) => ({ kind: a.kind, startsAt: a.starts_at, expectedEndAt: a.expected_end_at, endedAt: a.ended_at, note: a.note,
      isCurrent: a.starts_at <= now && !a.ended_at && (!a.expected_end_at || a.expected_end_at > now) })),
    hospitalAdmissions: absences.filter((a) => a.kind === 'hospital_admission').length,
    holidays: absences.filter((a) => a.kind === 'holiday').length,
    earlierIncidents: earlier.map((e) => ({ id: e.id, openedAt: e.opened_at, outcome: e.outcome, rationale: e.outcome_rationale, stage: e.stage, status: e.status })),
    recentChanges: changes.map((c) => ({ at: c.at, type: c.type, reason: c.reason })),
  };
}
