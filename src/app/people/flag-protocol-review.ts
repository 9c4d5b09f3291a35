import type { Actor } from '../../domain/access/actor.ts';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import type { ReviewReason } from '../../db/repos/protocol-review-flags.ts';
import { notFound } from '../../domain/errors.ts';
import './people-events.ts';

export type { ReviewReason } from '../../db/repos/protocol-review-flags.ts';

/**
 * Flags a person's protocol "review due" (no-response policy §10: after a significant incident, a
 * change in needs, a safeguarding concern or a pattern of non-response; and when its review date
 * passes). Runs inside the caller's transaction so the flag commits with what raised it.
 * Raising the same reason for the same source twice is a no-op (returns flagged: false).
 * The flag stays open until a new protocol version is written.
 */
export async function flagProtocolReview(
  tx: Queryable,
  actor: Actor,
  personId: string,
  reason: ReviewReason,
  sourceId: string | null,
  at: Date,
  note = '',
): Promise<{ flagged: boolean; flagId?: string }> {
  const [person] = await tx.query<{ id: string }>('select id from people where org_id = $1 and id = $2', [actor.orgId, personId]);
  if (!person) throw notFound('Person');
  const flagId = newId(at.getTime());
  const inserted = await tx.query<{ id: string }>(
    `insert into protocol_review_flags (id, org_id, person_id, reason, source_id, note, raised_at)
     values ($1,$2,$3,$4,$5,$6,$7) on conflict do nothing returning id`,
    [flagId, actor.orgId, personId, reason, sourceId, note, at],
  );
  if (inserted.length === 0) return { flagged: false };
  await appendEvent(tx, {
    actor, type: 'protocol.review_flagged', entityType: 'person', entityId: personId,
    data: { flagId, reason, sourceId, note }, at,
  });
  return { flagged: true, flagId };
}
