import type { SystemActor } from '../../domain/access/actor.ts';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Deps } from '../deps.ts';

/** Creates a provider organisation (the tenant boundary). Run by the system: demo load, set-up. */
export async function createOrganisation(deps: Deps, input: { name: string; settings?: Record<string, unknown> }) {
  const id = newId();
  const actor: SystemActor = { kind: 'system', orgId: id };
  await deps.db.transaction(async (tx) => {
    await tx.query('insert into organisations (id, name, settings) values ($1, $2, $3)', [id, input.name, JSON.stringify(input.settings ?? {})]);
    await appendEvent(tx, { actor, type: 'organisation.created', entityType: 'organisation', entityId: id, data: { name: input.name }, at: deps.clock.now() });
  });
  return { id, actor };
}
