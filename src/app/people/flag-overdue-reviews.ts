import type { Db } from '../../db/port.ts';
import type { SystemActor } from '../../domain/access/actor.ts';
import { londonDate, ukDate } from '../../domain/people/dates.ts';
import { flagProtocolReview } from './flag-protocol-review.ts';

/**
 * The date trigger (no-response policy §10, reviews): flags "review due" on every current protocol
 * whose next review date is behind today's date in England. Called by the engine on its cycle and
 * before the people list is shown, so the flag is there whichever comes first. Idempotent: the
 * flag names the protocol version, so it is raised once per version.
 */
export async function flagOverdueReviews(db: Db, at: Date, opts: { orgId?: string } = {}): Promise<number> {
  const today = londonDate(at);
  const params: unknown[] = [today];
  if (opts.orgId) params.push(opts.orgId);
  const due = await db.query<{ org_id: string; person_id: string; protocol_id: string; next_review: string }>(
    `select p.org_id, p.id as person_id, pv.id as protocol_id, pv.content->>'nextReviewDate' as next_review
       from people p
       join lateral (select id, content from protocol_versions v where v.person_id = p.id order by v.version desc limit 1) pv on true
      where pv.content->>'nextReviewDate' < $1 ${opts.orgId ? 'and p.org_id = $2' : ''}
        and not exists (select 1 from protocol_review_flags f
                         where f.person_id = p.id and f.reason = 'date_passed' and f.source_id = pv.id and f.cleared_at is null)`,
    params,
  );
  let flagged = 0;
  for (const row of due) {
    const actor: SystemActor = { kind: 'system', orgId: row.org_id };
    const result = await db.transaction((tx) =>
      flagProtocolReview(tx, actor, row.person_id, 'date_passed', row.protocol_id, at, `Review was due on ${ukDate(row.next_review)}`));
    if (result.flagged) flagged++;
  }
  return flagged;
}
