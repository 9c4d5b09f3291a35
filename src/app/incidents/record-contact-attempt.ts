import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { requiredAttempts, type ContactAttemptOutcome } from '../../domain/escalation/stages.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { incidentChanged, incidentContext } from './workflow-context.ts';

export type ContactAttemptInput = { method: string; target?: string; outcome: ContactAttemptOutcome; note?: string };

/** Stage 2 (§20.1): one direct contact attempt — method, number or address, time, outcome — counted against the protocol. */
export async function recordContactAttempt(deps: Deps, actor: Actor, incidentId: string, input: ContactAttemptInput, idempotencyKey?: string): Promise<IncidentSnapshot & { made: number; required: number }> {
  requireAction(actor, 'incident.respond');
  return idempotentWrite(deps, actor, idempotencyKey, { incidentId, ...input }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    const ctx = await incidentContext(tx, inc);
    const id = newId(at.getTime());
    await tx.query(
      `insert into incident_contact_attempts (id, org_id, incident_id, method, target, outcome, note, recorded_by, attempted_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, inc.org_id, inc.id, input.method, input.target ?? '', input.outcome, input.note ?? '', actor.kind === 'staff' ? actor.id : null, at],
    );
    const [{ n }] = await tx.query<{ n: number }>('select count(*)::int as n from incident_contact_attempts where incident_id = $1', [inc.id]);
    const required = ctx.protocol ? requiredAttempts(ctx.protocol) : 1;
    await appendEvent(tx, {
      actor, type: 'incident.contact_attempted', entityType: 'incident', entityId: inc.id, at,
      data: { attemptId: id, method: input.method, target: input.target ?? '', outcome: input.outcome, made: n, required }, reason: input.note || null,
    });
    await incidentChanged(tx, inc, at);
    return { ...(await snapshot(tx, inc.id)), made: n, required };
  });
}
