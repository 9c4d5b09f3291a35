import { appendEvent } from '../../db/events.ts';
import type { Queryable } from '../../db/port.ts';
import type { PersonRow } from '../../db/repos/people.ts';
import { findPersonInOrg, publicPerson } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict } from '../../domain/errors.ts';
import type { PersonInput } from '../../domain/people/person-input.ts';
import type { Deps } from '../deps.ts';
import {
  changedPersonFields, checkPersonReferences, columnValue, duplicateField, PERSON_COLUMNS, requireVisiblePerson,
} from './person-columns.ts';
import './people-events.ts';

/**
 * Replaces a person's record with `input`, compare-and-set on the version the editor loaded:
 * a stale version is a 409 and nothing changes. A move to another service must be to one of the
 * actor's services.
 */
export async function updatePerson(deps: Deps, actor: Actor, personId: string, input: PersonInput & { version: number }) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  const current = await requireVisiblePerson(deps.db, actor, personId);
  await checkPersonReferences(deps.db, actor, input, at);
  await deps.db.transaction((tx) => writePersonChanges(tx, actor, current, input, input.version, at, false));
  return publicPerson((await findPersonInOrg(deps.db, actor.orgId, personId))!);
}

/** Writes the changed fields and their event (nothing when nothing changed). Shared with the import. */
export async function writePersonChanges(
  tx: Queryable, actor: Actor, current: PersonRow, input: PersonInput, version: number, at: Date, viaImport: boolean,
): Promise<boolean> {
  const changed = changedPersonFields(current, input);
  if (current.version !== version) throw conflict('Someone else changed this record; reload and try again', 'version');
  if (changed.length === 0) return false;
  const sets = changed.map((f, i) => `${PERSON_COLUMNS[f]} = $${i + 4}`);
  let rows: unknown[];
  try {
    rows = await tx.query(
      `update people set ${sets.join(', ')}, version = version + 1, updated_at = $3
        where org_id = $1 and id = $2 and version = $${changed.length + 4} returning id`,
      [actor.orgId, current.id, at, ...changed.map((f) => columnValue(input, f)), version],
    );
  } catch (err) {
    const dup = duplicateField(err);
    if (dup) throw conflict(dup.message, dup.field);
    throw err;
  }
  if (rows.length === 0) throw conflict('Someone else changed this record; reload and try again', 'version');
  const changes = Object.fromEntries(changed.map((f) => [f, columnValue(input, f)]));
  await appendEvent(tx, { actor, type: 'person.updated', entityType: 'person', entityId: current.id, data: { changes, ...(viaImport ? { viaImport } : {}) }, at });
  return true;
}
