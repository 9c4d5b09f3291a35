import { alertText } from '../app/incidents/raise-alert.ts';
import { incidentChanged, incidentContext } from '../app/incidents/workflow-context.ts';
import { enqueueNotification } from '../app/notifications/enqueue-notification.ts';
import { onCallChain } from '../app/rota/on-call-chain.ts';
import { appendEvent } from '../db/events.ts';
import type { IncidentRow } from '../db/repos/incident-workflow.ts';
import type { SystemActor } from '../domain/access/actor.ts';
import { decideAlertStep } from '../domain/escalation/alerts.ts';
import type { EngineModule } from './engine.ts';

type AlertRow = { id: string; org_id: string; incident_id: string; status: string; position: number; repeats: number; current_staff_id: string | null; next_step_at: Date | null };

/**
 * Alert repeats (SCENARIOS 6): an unacknowledged alert repeats to the person holding it at the
 * organisation's interval, then moves to the next in the on-call chain, ending with the
 * fallback. The chain is resolved at each step, so a handover between shifts is followed.
 * Acknowledging sets the alert's status, so nothing here is due any more.
 */
export const alertStepsModule: EngineModule = {
  name: 'alert-steps',
  runOnce: (deps, now) =>
    deps.db.transaction(async (tx) => {
      const alerts = await tx.query<AlertRow>(
        `select * from incident_alerts where status = 'open' and next_step_at <= $1 order by next_step_at limit 100 for update skip locked`,
        [now],
      );
      for (const a of alerts) {
        const [inc] = await tx.query<IncidentRow>('select * from incidents where id = $1', [a.incident_id]);
        if (inc.status !== 'open') {
          await tx.query(`update incident_alerts set status = 'cancelled', next_step_at = null where id = $1`, [a.id]);
          continue;
        }
        const actor: SystemActor = { kind: 'system', orgId: a.org_id };
        const ctx = await incidentContext(tx, inc);
        const chain = await onCallChain(tx, inc.org_id, inc.service_id, now, ctx.settings);
        const step = decideAlertStep({ isOpen: true, position: a.position, repeats: a.repeats, nextStepAt: a.next_step_at }, chain, ctx.settings.alerts, now);
        if (step.kind === 'none') continue;
        if (step.kind === 'no_one') {
          await tx.query('update incident_alerts set next_step_at = $2 where id = $1', [a.id, step.nextStepAt]);
          await appendEvent(tx, { actor, type: 'incident.alert_unassigned', entityType: 'incident', entityId: inc.id, data: { alertId: a.id }, at: now });
          continue;
        }
        await tx.query(
          'update incident_alerts set position = $2, repeats = $3, current_staff_id = $4, next_step_at = $5 where id = $1',
          [a.id, step.position, step.repeats, step.to, step.nextStepAt],
        );
        const text = await alertText(tx, inc, inc.emergency_at ? 'emergency' : 'stage_deadline');
        if (step.kind === 'repeat') {
          await appendEvent(tx, { actor, type: 'incident.alert_repeated', entityType: 'incident', entityId: inc.id, data: { alertId: a.id, to: step.to, repeat: step.repeats }, at: now });
          await enqueueNotification(tx, deps, { orgId: inc.org_id, staffId: step.to, incidentId: inc.id, alertId: a.id, subject: `Reminder ${step.repeats}: ${text.subject}`, body: text.body }, now);
        } else {
          await appendEvent(tx, { actor, type: 'incident.alert_moved_on', entityType: 'incident', entityId: inc.id, data: { alertId: a.id, from: step.from, to: step.to, position: step.position }, at: now });
          await enqueueNotification(tx, deps, { orgId: inc.org_id, staffId: step.to, incidentId: inc.id, alertId: a.id, subject: `Not acknowledged — passed to you: ${text.subject}`, body: text.body }, now);
        }
        await incidentChanged(tx, inc, now);
      }
      return alerts.length;
    }),
  async nextDueAt(deps) {
    const [row] = await deps.db.query<{ at: Date | null }>(`select min(next_step_at) as at from incident_alerts where status = 'open'`);
    return row?.at ?? null;
  },
};
