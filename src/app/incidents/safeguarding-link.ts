import type { Queryable } from '../../db/port.ts';
import type { IncidentRow } from '../../db/repos/incident-workflow.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { raiseConcernFromIncident } from '../safeguarding/raise-concern.ts';

/**
 * Raises a safeguarding concern from a reviewed incident through the safeguarding workflow, in
 * the review's own transaction (both commit together). The facts the thresholds need are not
 * known at review time, so they go in as "unknown": the safeguarding lead completes them and
 * decides (the tool never decides). Returns the concern's id.
 */
export async function raiseSafeguardingFromIncident(tx: Queryable, deps: Deps, actor: Actor, inc: IncidentRow, reason: string, at: Date): Promise<string> {
  void at;
  if (actor.kind !== 'staff') throw new DomainError('forbidden', 'A concern is raised by a member of staff');
  const { id } = await raiseConcernFromIncident(tx, deps, actor, inc.id, {
    personIds: [inc.person_id], indicatorIds: [],
    description: `Raised at the management review of a no-response incident: ${reason}`,
    alleged: [{ kind: 'not_known' }], childrenInvolved: 'unknown', possibleCrime: 'unknown', capacity: 'unknown', risk: 'unknown',
    personWishes: '', immediateActions: '',
  });
  return id;
}
