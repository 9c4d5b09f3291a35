import { logAccess } from '../../db/events.ts';
import { listProtocolVersions } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { notFound } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { requireVisiblePerson } from './person-columns.ts';

/** What happened to a person's record, newest first: each event with who did it and why. */
export async function personHistory(deps: Deps, actor: Actor, personId: string) {
  requireAction(actor, 'person.read');
  await requireVisiblePerson(deps.db, actor, personId);
  await logAccess(deps.db, actor, 'person', personId, 'view person history', deps.clock.now());
  const rows = await deps.db.query<{
    id: string; seq: number; at: Date; type: string; actor_kind: string; actor_id: string | null; actor_name: string | null;
    data: Record<string, unknown>; reason: string | null;
  }>(
    `select e.id, e.seq, e.at, e.type, e.actor_kind, e.actor_id, s.name as actor_name, e.data, e.reason
       from events e left join staff s on s.id = e.actor_id
      where e.org_id = $1 and e.entity_type = 'person' and e.entity_id = $2 order by e.seq desc limit 500`,
    [actor.orgId, personId],
  );
  return rows.map((r) => ({
    id: r.id, seq: r.seq, at: r.at, type: r.type, reason: r.reason, data: r.data,
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_kind === 'system' ? 'Wellcheck (automatic)' : r.actor_name },
  }));
}

/** Two versions of a person's protocol, for the side-by-side view. */
export async function protocolVersionsPair(deps: Deps, actor: Actor, personId: string, left: number, right: number) {
  requireAction(actor, 'person.read');
  await requireVisiblePerson(deps.db, actor, personId);
  await logAccess(deps.db, actor, 'person', personId, 'compare protocol versions', deps.clock.now());
  const versions = await listProtocolVersions(deps.db, actor.orgId, personId);
  const l = versions.find((v) => v.version === left);
  const r = versions.find((v) => v.version === right);
  if (!l || !r) throw notFound('Protocol version');
  return { left: l, right: r };
}
