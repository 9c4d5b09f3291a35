import { appendEvent } from '../../db/events.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { can } from '../../domain/access/actions.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkClosure, type Closure } from '../../domain/escalation/closure.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { incidentChanged, incidentContext, recordDecision } from './workflow-context.ts';

/**
 * Closes an incident with an outcome and a rationale, then awaits management review (§20.5).
 * Support staff may close only before internal escalation (e.g. the call reached her: safe and
 * well); after that closure is a management decision. Open alerts end (cancelled, recorded).
 */
export async function closeIncident(deps: Deps, actor: Actor, incidentId: string, input: Closure, idempotencyKey?: string): Promise<IncidentSnapshot> {
  requireAction(actor, 'incident.respond');
  return idempotentWrite(deps, actor, idempotencyKey, { incidentId, ...input }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    if (actor.kind === 'staff' && !can(actor.role, 'incident.manage') && inc.stage >= 3) {
      throw new DomainError('forbidden', 'After internal escalation, the manager in charge closes the incident');
    }
    const police = await tx.query<{ reference: string }>(
      `select reference from incident_external_escalations where incident_id = $1 and agency = 'police' and reference is not null`, [inc.id]);
    const check = checkClosure(input, police.map((p) => p.reference));
    if (!check.ok) throw new DomainError('invalid', check.message, check.field);
    const staffId = actor.kind === 'staff' ? actor.id : null;
    await tx.query(
      `update incidents set status = 'closed', closed_at = $2, closed_by = $3, outcome = $4, outcome_rationale = $5, whereabouts_confirmed_by = $6,
         stage_deadline_at = null, review_status = 'awaiting', version = version + 1 where id = $1`,
      [inc.id, at, staffId, input.outcome, input.rationale, input.whereaboutsConfirmedBy?.trim() || null],
    );
    const alerts = await tx.query<{ id: string }>(`update incident_alerts set status = 'cancelled', next_step_at = null where incident_id = $1 and status = 'open' returning id`, [inc.id]);
    if (alerts.length) {
      await tx.query(`update notifications set status = 'cancelled', cancelled_reason = 'incident closed' where alert_id = any($1::uuid[]) and status = 'pending'`, [alerts.map((a) => a.id)]);
    }
    await appendEvent(tx, {
      actor, type: 'incident.closed', entityType: 'incident', entityId: inc.id, at, reason: input.rationale,
      data: { outcome: input.outcome, whereaboutsConfirmedBy: input.whereaboutsConfirmedBy?.trim() || null, stage: inc.stage, cancelledAlerts: alerts.length },
    });
    const ctx = await incidentContext(tx, inc);
    await recordDecision(tx, actor, inc, { kind: 'close', summary: `Closed: ${input.outcome.replace(/_/g, ' ')}`, rationale: input.rationale }, ctx.settings, at);
    await incidentChanged(tx, inc, at);
    return snapshot(tx, inc.id);
  });
}
