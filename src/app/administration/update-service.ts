import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { findService, publicService } from '../../db/repos/services.ts';
import type { Deps } from '../deps.ts';

/** Renames a service or marks it inactive; services are never deleted (their records remain). */
export async function updateService(deps: Deps, actor: Actor, serviceId: string, input: { name?: string; isActive?: boolean }) {
  requireAction(actor, 'admin.manage');
  await deps.db.transaction(async (tx) => {
    if (input.name) {
      const [dup] = await tx.query('select 1 from services where org_id = $1 and lower(name) = lower($2) and id <> $3', [actor.orgId, input.name, serviceId]);
      if (dup) throw conflict('A service with this name already exists', 'name');
    }
    const rows = await tx.query(
      'update services set name = coalesce($3, name), is_active = coalesce($4, is_active) where org_id = $1 and id = $2 returning id',
      [actor.orgId, serviceId, input.name ?? null, input.isActive ?? null],
    );
    if (rows.length === 0) throw notFound('Service');
    await appendEvent(tx, { actor, type: 'service.updated', entityType: 'service', entityId: serviceId, data: input, at: deps.clock.now() });
  });
  return publicService((await findService(deps.db, actor.orgId, serviceId))!);
}
