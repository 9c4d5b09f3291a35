import type { ReviewReason } from '../../db/repos/protocol-review-flags.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import type { Deps } from '../deps.ts';
import { flagProtocolReview } from './flag-protocol-review.ts';
import { requireVisiblePerson } from './person-columns.ts';

/**
 * A planner marks a protocol "review due" by hand, e.g. after a change in needs they learnt of
 * outside Wellcheck. Incidents and safeguarding concerns raise their own flags through
 * flagProtocolReview in the same transaction as the event that triggers them.
 */
export async function raiseReviewFlag(deps: Deps, actor: Actor, personId: string, input: { reason: ReviewReason; note: string }) {
  requireAction(actor, 'protocol.write');
  await requireVisiblePerson(deps.db, actor, personId);
  const at = deps.clock.now();
  return deps.db.transaction((tx) => flagProtocolReview(tx, actor, personId, input.reason, null, at, input.note));
}
