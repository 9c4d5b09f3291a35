import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { assessObservations, type Observations } from '../../domain/escalation/observations.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { emergencyOn } from './press-emergency.ts';
import { incidentChanged } from './workflow-context.ts';

export type ObservationsInput = { items: Observations; note?: string };

/**
 * Stage 1 checks at the door (§20.1, observational only). Seeing the person and them not
 * moving is an emergency (§20.4): it is raised in the same commit, not left to a second tap.
 */
export async function recordObservations(deps: Deps, actor: Actor, incidentId: string, input: ObservationsInput, idempotencyKey?: string): Promise<IncidentSnapshot & { isEmergency: boolean; concerns: string[] }> {
  requireAction(actor, 'incident.respond');
  return idempotentWrite(deps, actor, idempotencyKey, { incidentId, ...input }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    const a = assessObservations(input.items);
    const id = newId(at.getTime());
    await tx.query(
      'insert into incident_observations (id, org_id, incident_id, items, note, recorded_by, recorded_at) values ($1,$2,$3,$4,$5,$6,$7)',
      [id, inc.org_id, inc.id, JSON.stringify(input.items), input.note ?? '', actor.kind === 'staff' ? actor.id : null, at],
    );
    await appendEvent(tx, {
      actor, type: 'incident.observations_recorded', entityType: 'incident', entityId: inc.id, at,
      data: { observationId: id, items: input.items as Record<string, string>, isEmergency: a.isEmergency, concerns: a.concerns }, reason: input.note || null,
    });
    if (a.isEmergency) await emergencyOn(tx, deps, actor, inc, 'Person seen through the window, not moving', false, at);
    else await incidentChanged(tx, inc, at);
    return { ...(await snapshot(tx, inc.id)), isEmergency: a.isEmergency, concerns: a.concerns };
  });
}
