import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { deadlineFor } from '../../domain/escalation/stages.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { incidentChanged, incidentContext, recordDecision } from './workflow-context.ts';

export const AGENCIES = ['adult_social_care', 'emergency_duty_team', 'police', 'ambulance', 'fire', 'other'] as const;
export type ExternalEscalationInput = { agency: (typeof AGENCIES)[number]; reference?: string | null; note?: string | null };

/**
 * Stage 5 (§20.1): a referral to adult social care, the emergency duty team, police or
 * ambulance, with its reference number (it may follow later; the stage shows it missing).
 * Recording one moves the incident to external escalation if it was not there already.
 */
export async function escalateExternally(deps: Deps, actor: Actor, incidentId: string, input: ExternalEscalationInput, idempotencyKey?: string): Promise<IncidentSnapshot> {
  requireAction(actor, 'incident.manage');
  return idempotentWrite(deps, actor, idempotencyKey, { incidentId, ...input }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    const ctx = await incidentContext(tx, inc);
    const id = newId(at.getTime());
    const reference = input.reference?.trim() || null;
    await tx.query(
      `insert into incident_external_escalations (id, org_id, incident_id, agency, reference, note, recorded_by, recorded_at) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, inc.org_id, inc.id, input.agency, reference, input.note ?? '', actor.kind === 'staff' ? actor.id : null, at],
    );
    if (inc.stage < 5) {
      await tx.query('update incidents set stage = 5, stage_deadline_at = $2, alerted_stage = greatest(alerted_stage, 5) where id = $1', [inc.id, deadlineFor(ctx.deadlines, 5, at)]);
    }
    await tx.query('update incidents set version = version + 1 where id = $1', [inc.id]);
    await appendEvent(tx, {
      actor, type: 'incident.external_escalation', entityType: 'incident', entityId: inc.id, at, reason: input.note || null,
      data: { referralId: id, agency: input.agency, reference, from: inc.stage, to: 5 },
    });
    await recordDecision(tx, actor, inc, { kind: 'external_escalation', summary: `Referred to ${input.agency.replace(/_/g, ' ')}${reference ? ` (ref ${reference})` : ''}`, rationale: input.note ?? '' }, ctx.settings, at);
    await incidentChanged(tx, inc, at);
    return snapshot(tx, inc.id);
  });
}
