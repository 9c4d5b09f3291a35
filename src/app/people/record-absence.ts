import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import { findAbsence, publicAbsence } from '../../db/repos/known-absences.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import type { AbsenceInput } from '../../domain/people/person-input.ts';
import type { Deps } from '../deps.ts';
import { requireVisiblePerson } from './person-columns.ts';
import './people-events.ts';

/**
 * Known absences: hospital admissions, holidays, respite, staying with family. Planned contacts in
 * them are suspended by the schedule engine, never silently dropped (no-response policy §20.1:
 * management checks hospital admissions and holidays before escalating).
 */

export async function recordAbsence(deps: Deps, actor: Actor, personId: string, input: AbsenceInput) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const id = newId(at.getTime());
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `insert into known_absences (id, org_id, person_id, kind, starts_at, expected_end_at, note, created_by, created_at, updated_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9)`,
      [id, actor.orgId, personId, input.kind, input.startsAt, input.expectedEndAt ?? null, input.note, actor.kind === 'staff' ? actor.id : null, at],
    );
    await appendEvent(tx, {
      actor, type: 'person.absence_recorded', entityType: 'person', entityId: personId, at,
      data: { absenceId: id, kind: input.kind, startsAt: input.startsAt.toISOString(), expectedEndAt: input.expectedEndAt?.toISOString() ?? null },
    });
  });
  deps.wake?.('schedule');
  return publicAbsence((await findAbsence(deps.db, actor.orgId, personId, id))!);
}

/** Changes an absence (e.g. a new expected discharge date), compare-and-set on `version`. */
export async function updateAbsence(deps: Deps, actor: Actor, personId: string, absenceId: string, input: AbsenceInput & { version: number }) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const current = await findAbsence(deps.db, actor.orgId, personId, absenceId);
  if (!current) throw notFound('Absence');
  if (current.ended_at && current.ended_at <= input.startsAt) throw invalid('startsAt', 'The absence ended before this start');
  await deps.db.transaction(async (tx) => {
    const rows = await tx.query(
      `update known_absences set kind = $4, starts_at = $5, expected_end_at = $6, note = $7, version = version + 1, updated_at = $8
        where org_id = $1 and person_id = $2 and id = $3 and version = $9 returning id`,
      [actor.orgId, personId, absenceId, input.kind, input.startsAt, input.expectedEndAt ?? null, input.note, at, input.version],
    );
    if (rows.length === 0) throw conflict('Someone else changed this absence; reload and try again', 'version');
    await appendEvent(tx, {
      actor, type: 'person.absence_updated', entityType: 'person', entityId: personId, at,
      data: {
        absenceId,
        changes: { kind: input.kind, startsAt: input.startsAt.toISOString(), expectedEndAt: input.expectedEndAt?.toISOString() ?? null, note: input.note },
      },
    });
  });
  deps.wake?.('schedule');
  return publicAbsence((await findAbsence(deps.db, actor.orgId, personId, absenceId))!);
}

/** Records that the person is back (the absence ended at `endedAt`, default now). */
export async function endAbsence(deps: Deps, actor: Actor, personId: string, absenceId: string, input: { version: number; endedAt?: Date }) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  const endedAt = input.endedAt ?? at;
  await requireVisiblePerson(deps.db, actor, personId);
  const current = await findAbsence(deps.db, actor.orgId, personId, absenceId);
  if (!current) throw notFound('Absence');
  if (current.ended_at) throw conflict('This absence has already ended', 'endedAt');
  if (endedAt < current.starts_at) throw invalid('endedAt', 'The end must be after the start');
  if (endedAt > at) throw invalid('endedAt', 'Record the return when it has happened');
  await deps.db.transaction(async (tx) => {
    const rows = await tx.query(
      `update known_absences set ended_at = $4, version = version + 1, updated_at = $5
        where org_id = $1 and person_id = $2 and id = $3 and version = $6 and ended_at is null returning id`,
      [actor.orgId, personId, absenceId, endedAt, at, input.version],
    );
    if (rows.length === 0) throw conflict('Someone else changed this absence; reload and try again', 'version');
    await appendEvent(tx, {
      actor, type: 'person.absence_ended', entityType: 'person', entityId: personId, at,
      data: { absenceId, endedAt: endedAt.toISOString() },
    });
  });
  deps.wake?.('schedule');
  return publicAbsence((await findAbsence(deps.db, actor.orgId, personId, absenceId))!);
}
