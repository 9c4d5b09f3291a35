import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, DomainError, invalid, notFound } from '../../domain/errors.ts';
import type { Outcome } from '../../domain/safeguarding/suggest.ts';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { findVisibleConcern, knownStaffIds } from '../../db/repos/safeguarding-concerns.ts';
import type { Deps } from '../deps.ts';
import './safeguarding-events.ts';

export type DecisionOutcome = 'refer' | 'lower_level' | 'no_further_action';
export type ReferralInput = { referredOn: string; localAuthority: string; method: string; reference?: string | null; personWanted: string };
export type ActionInput = { description: string; ownerId: string; dueOn: string };
export type DecideConcernInput = {
  /** The concern version the lead saw: two leads deciding at once decide once (409 for the second). */
  version: number;
  outcome: DecisionOutcome;
  rationale: string;
  departureReason?: string | null;
  referral?: ReferralInput;
  actions?: ActionInput[];
};

/** The decision that follows the suggestion; an insufficient-information suggestion is followed by none. */
const FOLLOWS: Record<Outcome, DecisionOutcome[]> = {
  consider_s42: ['refer'],
  lower_level: ['lower_level', 'no_further_action'],
  insufficient_information: [],
};

const OUTCOME_WORDS: Record<Outcome, string> = {
  consider_s42: 'consider a section 42 enquiry',
  lower_level: 'lower-level concern',
  insufficient_information: 'not enough information to apply the thresholds',
};

/** Whether a decision departs from the suggested outcome (and so needs its own reason). */
export const isDeparture = (suggested: Outcome, outcome: DecisionOutcome): boolean => !FOLLOWS[suggested].includes(outcome);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function insertActions(tx: Queryable, actor: Actor & { id: string }, concernId: string, actions: ActionInput[], at: Date, field = 'actions') {
  const owners = await knownStaffIds(tx, actor.orgId, actions.map((a) => a.ownerId));
  for (const [i, a] of actions.entries()) {
    if (!a.description.trim()) throw invalid(`${field}.${i}.description`, 'Describe the action');
    if (!owners.has(a.ownerId)) throw invalid(`${field}.${i}.ownerId`, 'No such member of staff');
    if (!DATE.test(a.dueOn)) throw invalid(`${field}.${i}.dueOn`, 'Enter a due date');
  }
  for (const a of actions) {
    const id = newId(at.getTime());
    await tx.query(
      `insert into safeguarding_actions (id, org_id, concern_id, description, owner_id, due_on, created_by, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, actor.orgId, concernId, a.description.trim(), a.ownerId, a.dueOn, actor.id, at],
    );
    await appendEvent(tx, { actor, type: 'concern.action_added', entityType: 'concern', entityId: concernId, at, data: { actionId: id, description: a.description.trim(), ownerId: a.ownerId, dueOn: a.dueOn } });
  }
}

/**
 * The safeguarding lead's decision: refer to the local authority, handle as lower-level with
 * actions, or no further action — with a rationale. A decision that departs from the suggestion
 * needs its own reason (DESIGN.md: the tool never decides; the lead may depart, with a reason).
 */
export async function decideConcern(deps: Deps, actor: Actor, concernId: string, input: DecideConcernInput) {
  requireAction(actor, 'concern.decide');
  if (actor.kind !== 'staff') throw new DomainError('forbidden', 'A member of staff decides a concern');
  const concern = await findVisibleConcern(deps.db, actor, concernId);
  if (!concern) throw notFound('Concern');
  if (concern.status !== 'awaiting_decision') throw conflict('This concern has already been decided', 'version');
  if (input.rationale.trim().length < 10) throw invalid('rationale', 'Give the rationale for the decision');
  const suggested = concern.suggested_outcome as Outcome;
  const departs = isDeparture(suggested, input.outcome);
  const departureReason = input.departureReason?.trim() || null;
  if (departs && !departureReason) {
    throw invalid('departureReason', `This decision departs from the suggestion (${OUTCOME_WORDS[suggested]}): give the reason for departing from it`);
  }
  if (input.outcome === 'refer' && !input.referral) throw invalid('referral', 'Record the referral to the local authority');
  if (input.outcome === 'lower_level' && !input.actions?.length) throw invalid('actions', 'Handling as lower-level needs at least one action with an owner and a due date');
  const r = input.referral;
  if (input.outcome === 'refer' && r) {
    if (!DATE.test(r.referredOn)) throw invalid('referral.referredOn', 'Enter the date of the referral');
    if (!r.localAuthority.trim()) throw invalid('referral.localAuthority', 'Enter the local authority');
    if (!r.personWanted.trim()) throw invalid('referral.personWanted', 'Record what the person wanted to happen');
  }
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const updated = await tx.query(
      `update safeguarding_concerns set status = $3, version = version + 1
       where org_id = $1 and id = $2 and version = $4 and status = 'awaiting_decision' returning id`,
      [actor.orgId, concernId, input.outcome === 'refer' ? 'referred' : input.outcome, input.version],
    );
    if (updated.length === 0) throw conflict('Someone else changed this concern; reload and try again', 'version');
    await tx.query(
      `insert into safeguarding_decisions (id, org_id, concern_id, decided_by, decided_at, outcome, rationale, suggested_outcome, departure_reason)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [newId(at.getTime()), actor.orgId, concernId, actor.id, at, input.outcome, input.rationale.trim(), suggested, departs ? departureReason : null],
    );
    await appendEvent(tx, {
      actor, type: 'concern.decided', entityType: 'concern', entityId: concernId, at, reason: input.rationale.trim(),
      data: { outcome: input.outcome, rationale: input.rationale.trim(), suggestedOutcome: suggested, departureReason: departs ? departureReason : null },
    });
    if (input.outcome === 'refer' && r) {
      const referralId = newId(at.getTime());
      await tx.query(
        `insert into safeguarding_referrals (id, org_id, concern_id, referred_on, local_authority, method, reference, person_wanted, created_by, created_at, updated_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$10)`,
        [referralId, actor.orgId, concernId, r.referredOn, r.localAuthority.trim(), r.method, r.reference?.trim() || null, r.personWanted.trim(), actor.id, at],
      );
      await appendEvent(tx, {
        actor, type: 'concern.referral_recorded', entityType: 'concern', entityId: concernId, at,
        data: { referralId, referredOn: r.referredOn, localAuthority: r.localAuthority.trim(), method: r.method, reference: r.reference?.trim() || null, personWanted: r.personWanted.trim() },
      });
    }
    if (input.outcome !== 'refer' && input.actions?.length) await insertActions(tx, actor, concernId, input.actions, at);
  });
  return { departs };
}
