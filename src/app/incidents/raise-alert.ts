import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { type IncidentRow } from '../../db/repos/incident-workflow.ts';
import type { SystemActor } from '../../domain/access/actor.ts';
import { firstNotice } from '../../domain/escalation/alerts.ts';
import type { EscalationSettings } from '../../domain/escalation/settings.ts';
import { stageLabel } from '../../domain/escalation/stages.ts';
import type { Deps } from '../deps.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { onCallChain } from '../rota/on-call-chain.ts';
import { incidentChanged } from './workflow-context.ts';

export type AlertReason = 'stage_deadline' | 'internal_escalation' | 'emergency';

/** What the alert says: who, which stage, why — enough to act on from a phone. */
export async function alertText(tx: Queryable, inc: Pick<IncidentRow, 'person_id' | 'stage' | 'id'>, reason: AlertReason) {
  const [p] = await tx.query<{ name: string }>(
    `select coalesce(nullif(trim(preferred_name), ''), given_name) || ' ' || family_name as name from people where id = $1`, [inc.person_id]);
  const what = reason === 'emergency' ? 'EMERGENCY' : `No response: ${stageLabel(inc.stage)}`;
  return {
    subject: `${what} — ${p?.name ?? 'a person supported'}`,
    body: `${what} for ${p?.name ?? 'a person supported'}. Open Wellcheck and acknowledge: /incidents/${inc.id}`,
  };
}

/**
 * Alerts the on-call chain about an incident (no-response policy §20.1 internal escalation):
 * an open alert already waiting for acknowledgement is kept (one alert, one set of repeats);
 * otherwise a new alert goes to the head of the chain, repeating until acknowledged.
 */
export async function raiseAlert(tx: Queryable, deps: Deps, inc: IncidentRow, reason: AlertReason, settings: EscalationSettings, at: Date): Promise<string> {
  const [open] = await tx.query<{ id: string; current_staff_id: string | null }>(
    `select id, current_staff_id from incident_alerts where incident_id = $1 and status = 'open' limit 1`, [inc.id]);
  await tx.query('update incidents set alerted_stage = greatest(alerted_stage, stage) where id = $1', [inc.id]);
  if (open) {
    await tx.query('update incident_alerts set stage = $2 where id = $1', [open.id, inc.stage]);
    // An emergency does not wait for the next repeat: whoever holds the alert hears at once.
    if (reason === 'emergency' && open.current_staff_id) {
      const text = await alertText(tx, inc, reason);
      await enqueueNotification(tx, deps, { orgId: inc.org_id, staffId: open.current_staff_id, incidentId: inc.id, alertId: open.id, ...text }, at);
    }
    return open.id;
  }
  // Whoever acknowledged earlier is in charge: a later alert goes to them first, then the chain.
  const rota = await onCallChain(tx, inc.org_id, inc.service_id, at, settings);
  const chain = inc.acknowledged_by ? [inc.acknowledged_by, ...rota.filter((s) => s !== inc.acknowledged_by)] : rota;
  const first = firstNotice(chain, settings.alerts, at);
  const id = newId(at.getTime());
  await tx.query(
    `insert into incident_alerts (id, org_id, incident_id, stage, reason, status, position, repeats, current_staff_id, next_step_at, raised_at)
     values ($1,$2,$3,$4,$5,'open',0,0,$6,$7,$8)`,
    [id, inc.org_id, inc.id, inc.stage, chain.length ? reason : 'no_one_on_call', first.to, first.nextStepAt, at],
  );
  const system: SystemActor = { kind: 'system', orgId: inc.org_id };
  await appendEvent(tx, { actor: system, type: 'incident.alert_raised', entityType: 'incident', entityId: inc.id, data: { alertId: id, stage: inc.stage, reason, to: first.to, chain }, at });
  if (first.to) {
    const text = await alertText(tx, inc, reason);
    await enqueueNotification(tx, deps, { orgId: inc.org_id, staffId: first.to, incidentId: inc.id, alertId: id, ...text }, at);
  }
  await incidentChanged(tx, inc, at);
  return id;
}
