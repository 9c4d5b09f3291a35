import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import { findService, publicService } from '../../db/repos/services.ts';
import type { Deps } from '../deps.ts';

export type ServiceKind = 'supported_living' | 'home_care' | 'outreach' | 'community_team';

export async function createService(deps: Deps, actor: Actor, input: { name: string; kind: ServiceKind }) {
  requireAction(actor, 'admin.manage');
  const id = newId();
  await deps.db.transaction(async (tx) => {
    const [dup] = await tx.query('select 1 from services where org_id = $1 and lower(name) = lower($2)', [actor.orgId, input.name]);
    if (dup) throw conflict('A service with this name already exists', 'name');
    await tx.query('insert into services (id, org_id, name, kind) values ($1,$2,$3,$4)', [id, actor.orgId, input.name, input.kind]);
    await appendEvent(tx, { actor, type: 'service.created', entityType: 'service', entityId: id, data: input, at: deps.clock.now() });
  });
  return publicService((await findService(deps.db, actor.orgId, id))!);
}
