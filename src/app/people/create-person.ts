import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { findPersonInOrg, publicPerson } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict } from '../../domain/errors.ts';
import type { PersonInput } from '../../domain/people/person-input.ts';
import type { Deps } from '../deps.ts';
import { checkPersonReferences, columnValue, duplicateField, PERSON_COLUMNS, PERSON_FIELDS } from './person-columns.ts';
import './people-events.ts';

/** Adds a person supported to one of the actor's services. */
export async function createPerson(deps: Deps, actor: Actor, input: PersonInput) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await checkPersonReferences(deps.db, actor, input, at);
  const id = newId(at.getTime());
  await deps.db.transaction((tx) => insertPerson(tx, actor, id, input, at, false));
  return publicPerson((await findPersonInOrg(deps.db, actor.orgId, id))!);
}

/** The insert and its event, inside the caller's transaction (shared with the CSV import). */
export async function insertPerson(tx: Queryable, actor: Actor, id: string, input: PersonInput, at: Date, viaImport: boolean): Promise<void> {
  const columns = PERSON_FIELDS.map((f) => PERSON_COLUMNS[f]);
  const values = PERSON_FIELDS.map((f) => columnValue(input, f));
  try {
    await tx.query(
      `insert into people (id, org_id, ${columns.join(', ')}, created_at, updated_at)
       values ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')}, $${columns.length + 3}, $${columns.length + 3})`,
      [id, actor.orgId, ...values, at],
    );
  } catch (err) {
    const dup = duplicateField(err);
    if (dup) throw conflict(dup.message, dup.field);
    throw err;
  }
  await appendEvent(tx, {
    actor, type: 'person.created', entityType: 'person', entityId: id, at,
    data: { serviceId: input.serviceId, name: `${input.givenName} ${input.familyName}`, externalRef: input.externalRef ?? null, viaImport },
  });
}
