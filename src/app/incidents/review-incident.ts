import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict } from '../../domain/errors.ts';
import type { Review } from '../../domain/escalation/closure.ts';
import type { Deps } from '../deps.ts';
import { flagProtocolReview } from '../people/flag-protocol-review.ts';
import { incidentForChange } from './incident-access.ts';
import { raiseSafeguardingFromIncident } from './safeguarding-link.ts';
import { incidentChanged } from './workflow-context.ts';

/**
 * The management review of a closed incident (no-response policy §20.5): whether the protocol
 * needs reviewing (flagged on the person, §10), whether a safeguarding concern is raised — with
 * the reason either way — and the learning. One review per incident.
 */
export async function reviewIncident(deps: Deps, actor: Actor, incidentId: string, input: Review) {
  requireAction(actor, 'incident.review');
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId, { allowClosed: true });
    if (inc.status !== 'closed') throw conflict('Close the incident before its management review', 'status');
    if (inc.review_status === 'done') throw conflict('This incident has already been reviewed', 'status');
    let flagged = false;
    if (input.protocolReview.isNeeded) {
      flagged = (await flagProtocolReview(tx, actor, inc.person_id, 'significant_incident', inc.id, at, input.protocolReview.reason)).flagged;
    }
    const concernId = input.safeguarding.raiseConcern ? await raiseSafeguardingFromIncident(tx, deps, actor, inc, input.safeguarding.reason, at) : null;
    await tx.query(
      `insert into incident_reviews (id, org_id, incident_id, protocol_review_needed, protocol_review_reason, safeguarding_raised, safeguarding_reason,
         safeguarding_concern_id, learning, reviewed_by, reviewed_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [newId(at.getTime()), inc.org_id, inc.id, input.protocolReview.isNeeded, input.protocolReview.reason, input.safeguarding.raiseConcern,
        input.safeguarding.reason, concernId, input.learning, actor.kind === 'staff' ? actor.id : null, at],
    );
    await tx.query(`update incidents set review_status = 'done', reviewed_at = $2, reviewed_by = $3 where id = $1`, [inc.id, at, actor.kind === 'staff' ? actor.id : null]);
    await appendEvent(tx, {
      actor, type: 'incident.reviewed', entityType: 'incident', entityId: inc.id, at, reason: input.safeguarding.reason,
      data: { protocolReviewNeeded: input.protocolReview.isNeeded, protocolReviewFlagged: flagged, safeguardingRaised: input.safeguarding.raiseConcern, safeguardingConcernId: concernId, learning: input.learning },
    });
    await incidentChanged(tx, inc, at);
    return { ok: true as const, protocolReviewFlagged: flagged, safeguardingConcernId: concernId };
  });
}
