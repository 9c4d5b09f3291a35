import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { incidentChanged, incidentContext, recordDecision } from './workflow-context.ts';

export const DECISION_KINDS = ['no_further_action_until', 'continue_monitoring', 'welfare_visit_arranged', 'other'] as const;
export type DecisionRequest = { kind: (typeof DECISION_KINDS)[number]; summary: string; rationale: string };

/**
 * A management decision with its rationale, e.g. "no further action until the morning visit"
 * (SCENARIOS 8). Out of hours it joins the next working day's senior review queue (§12).
 */
export async function recordIncidentDecision(deps: Deps, actor: Actor, incidentId: string, input: DecisionRequest, idempotencyKey?: string): Promise<IncidentSnapshot & { decisionId: string | null }> {
  requireAction(actor, 'incident.manage');
  return idempotentWrite(deps, actor, idempotencyKey, { incidentId, ...input }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    const ctx = await incidentContext(tx, inc);
    const decisionId = await recordDecision(tx, actor, inc, input, ctx.settings, at);
    await tx.query('update incidents set version = version + 1 where id = $1', [inc.id]);
    await incidentChanged(tx, inc, at);
    return { ...(await snapshot(tx, inc.id)), decisionId };
  });
}
