import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, DomainError, invalid, notFound } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { isUuid } from '../../db/repos/people.ts';
import { findVisibleConcern, knownStaffIds } from '../../db/repos/safeguarding-concerns.ts';
import type { Deps } from '../deps.ts';
import { insertActions, type ActionInput } from './decide-concern.ts';
import './safeguarding-events.ts';

/** Adds an action (owner, due date) to a concern handled as lower-level, or any decided concern. */
export async function addConcernAction(deps: Deps, actor: Actor, concernId: string, input: ActionInput) {
  requireAction(actor, 'concern.decide');
  if (actor.kind !== 'staff') throw new DomainError('forbidden', 'A member of staff adds actions');
  const concern = await findVisibleConcern(deps.db, actor, concernId);
  if (!concern) throw notFound('Concern');
  await deps.db.transaction((tx) => insertActions(tx, actor, concernId, [input], deps.clock.now(), 'action'));
}

/** Marks an action done, with a note of what was done. */
export async function completeConcernAction(deps: Deps, actor: Actor, concernId: string, actionId: string, input: { note: string }) {
  requireAction(actor, 'concern.decide');
  if (actor.kind !== 'staff') throw new DomainError('forbidden', 'A member of staff completes actions');
  const concern = await findVisibleConcern(deps.db, actor, concernId);
  if (!concern || !isUuid(actionId)) throw notFound('Action');
  if (!input.note.trim()) throw invalid('note', 'Say what was done');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [action] = await tx.query<{ completed_at: Date | null }>(
      'select completed_at from safeguarding_actions where org_id = $1 and concern_id = $2 and id = $3', [actor.orgId, concernId, actionId]);
    if (!action) throw notFound('Action');
    if (action.completed_at) throw conflict('This action is already complete');
    await tx.query('update safeguarding_actions set completed_at = $2, completed_by = $3, completion_note = $4 where id = $1',
      [actionId, at, actor.id, input.note.trim()]);
    await appendEvent(tx, { actor, type: 'concern.action_completed', entityType: 'concern', entityId: concernId, at, data: { actionId, note: input.note.trim() } });
  });
}

/** Lets another member of staff see a concern (e.g. the investigating manager), with a reason. */
export async function grantConcernAccess(deps: Deps, actor: Actor, concernId: string, input: { staffId: string; reason: string }) {
  requireAction(actor, 'concern.decide');
  if (actor.kind !== 'staff') throw new DomainError('forbidden', 'A member of staff grants access');
  const concern = await findVisibleConcern(deps.db, actor, concernId);
  if (!concern) throw notFound('Concern');
  if (!(await knownStaffIds(deps.db, actor.orgId, [input.staffId])).has(input.staffId)) throw invalid('staffId', 'No such member of staff');
  if (!input.reason.trim()) throw invalid('reason', 'Give the reason for sharing this concern');
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const inserted = await tx.query(
      `insert into safeguarding_concern_access (concern_id, staff_id, org_id, granted_by, granted_at, reason)
       values ($1,$2,$3,$4,$5,$6) on conflict do nothing returning staff_id`,
      [concernId, input.staffId, actor.orgId, actor.id, at, input.reason.trim()]);
    if (inserted.length === 0) throw conflict('This member of staff can already see the concern', 'staffId');
    await appendEvent(tx, { actor, type: 'concern.access_granted', entityType: 'concern', entityId: concernId, at, data: { staffId: input.staffId, reason: input.reason.trim() } });
  });
}
