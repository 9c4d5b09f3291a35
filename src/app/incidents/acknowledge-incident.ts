import { appendEvent } from '../../db/events.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { incidentChanged, incidentContext, recordDecision } from './workflow-context.ts';

/**
 * The senior or on-call manager acknowledges (§20.1 internal escalation). Acknowledging stops
 * EVERY repeat at once, for everyone: all open alerts of the incident close in this commit and
 * notifications still waiting in the outbox for them are cancelled (recorded, not deleted).
 * Acknowledging twice is harmless; there is no version check (it can never be stale).
 */
export async function acknowledgeIncident(deps: Deps, actor: Actor, incidentId: string, idempotencyKey?: string): Promise<IncidentSnapshot & { alertsAcknowledged: number }> {
  requireAction(actor, 'incident.manage');
  return idempotentWrite(deps, actor, idempotencyKey, { incidentId, op: 'ack' }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    const staffId = actor.kind === 'staff' ? actor.id : null;
    const alerts = await tx.query<{ id: string }>(
      `update incident_alerts set status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3, next_step_at = null
        where incident_id = $1 and status = 'open' returning id`,
      [inc.id, at, staffId],
    );
    const cancelled = alerts.length
      ? await tx.query(
        `update notifications set status = 'cancelled', cancelled_reason = 'acknowledged' where alert_id = any($1::uuid[]) and status = 'pending' returning id`,
        [alerts.map((a) => a.id)])
      : [];
    await tx.query('update incidents set acknowledged_at = $2, acknowledged_by = $3, version = version + 1 where id = $1', [inc.id, at, staffId]);
    await appendEvent(tx, {
      actor, type: 'incident.acknowledged', entityType: 'incident', entityId: inc.id, at,
      data: { alertIds: alerts.map((a) => a.id), cancelledNotifications: cancelled.length, stage: inc.stage },
    });
    const ctx = await incidentContext(tx, inc);
    await recordDecision(tx, actor, inc, { kind: 'acknowledge', summary: 'Acknowledged the escalation and took charge' }, ctx.settings, at);
    await incidentChanged(tx, inc, at);
    return { ...(await snapshot(tx, inc.id)), alertsAcknowledged: alerts.length };
  });
}
