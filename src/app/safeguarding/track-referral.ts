import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { findVisibleConcern } from '../../db/repos/safeguarding-concerns.ts';
import type { Deps } from '../deps.ts';
import './safeguarding-events.ts';

export type ReferralProgress = {
  version: number;
  reference?: string | null;
  enquiryOpened?: 'yes' | 'no' | 'not_known';
  outcome?: string | null;
  outcomeOn?: string | null;
  personWanted?: string;
};

const COLUMNS: Record<Exclude<keyof ReferralProgress, 'version'>, string> = {
  reference: 'reference', enquiryOpened: 'enquiry_opened', outcome: 'outcome', outcomeOn: 'outcome_on', personWanted: 'person_wanted',
};

/**
 * Tracks a referral to the local authority to its outcome: the reference when it arrives, whether
 * an enquiry was opened, the outcome and what the person wanted. Compare-and-set on `version`.
 */
export async function trackReferral(deps: Deps, actor: Actor, concernId: string, input: ReferralProgress) {
  requireAction(actor, 'concern.decide');
  const concern = await findVisibleConcern(deps.db, actor, concernId);
  if (!concern) throw notFound('Concern');
  const [referral] = await deps.db.query<{ id: string }>('select id from safeguarding_referrals where org_id = $1 and concern_id = $2', [actor.orgId, concernId]);
  if (!referral) throw notFound('Referral');
  if (input.outcomeOn && !/^\d{4}-\d{2}-\d{2}$/.test(input.outcomeOn)) throw invalid('outcomeOn', 'Enter the date of the outcome');
  if (input.outcomeOn && !input.outcome?.trim()) throw invalid('outcome', 'Record the outcome as well as its date');
  if (input.personWanted !== undefined && !input.personWanted.trim()) throw invalid('personWanted', 'Record what the person wanted to happen');
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
    const v = input[key];
    if (v !== undefined) changes[key] = typeof v === 'string' ? v.trim() || null : v;
  }
  if (Object.keys(changes).length === 0) throw invalid('reference', 'Nothing to record');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const sets = Object.keys(changes).map((k, i) => `${COLUMNS[k as keyof typeof COLUMNS]} = $${i + 4}`);
    const updated = await tx.query(
      `update safeguarding_referrals set ${sets.join(', ')}, version = version + 1, updated_at = $${sets.length + 4}
       where org_id = $1 and id = $2 and version = $3 returning id`,
      [actor.orgId, referral.id, input.version, ...Object.values(changes), at],
    );
    if (updated.length === 0) throw conflict('Someone else changed this referral; reload and try again', 'version');
    await appendEvent(tx, { actor, type: 'concern.referral_updated', entityType: 'concern', entityId: concernId, at, data: { referralId: referral.id, changes } });
  });
}
