import { appendEvent } from '../../db/events.ts';
import type { IncidentRow } from '../../db/repos/incident-workflow.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { can } from '../../domain/access/actions.ts';
import { conflict, DomainError } from '../../domain/errors.ts';
import { decideEscalation, incompleteBefore, stageProgress, FIRST_ALERTED_STAGE } from '../../domain/escalation/stages.ts';
import type { StageNumber } from '../../domain/protocol/content.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { loadEvidence } from './incident-evidence.ts';
import { raiseAlert } from './raise-alert.ts';
import { incidentChanged, incidentContext, recordDecision } from './workflow-context.ts';

export type EscalateInput = { version: number; reason: string };

/**
 * Moves an incident one stage on from the one the caller saw, compare-and-set on its version:
 * two managers pressing "escalate" at once escalate once, and the second gets 409.
 * Support staff may escalate to internal escalation (they "must notify senior or on-call
 * management immediately", §20.1); beyond that it is a management decision. Never blocked by
 * missing evidence (§6): the stages left incomplete are recorded with it.
 */
export async function escalateIncident(deps: Deps, actor: Actor, incidentId: string, input: EscalateInput, idempotencyKey?: string): Promise<IncidentSnapshot> {
  requireAction(actor, 'incident.respond');
  return idempotentWrite(deps, actor, idempotencyKey, { incidentId, ...input }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    if (inc.version !== input.version) throw conflict(`Someone else changed this incident (it is now at stage ${inc.stage}); reload and check before escalating`, 'version');
    const isManager = actor.kind !== 'staff' || can(actor.role, 'incident.manage');
    if (!isManager && inc.stage >= FIRST_ALERTED_STAGE) throw new DomainError('forbidden', 'Management decides escalation beyond internal escalation');
    const ctx = await incidentContext(tx, inc);
    const d = decideEscalation(inc.stage, ctx.deadlines, at);
    if ('refused' in d) throw new DomainError('unprocessable', d.refused, 'version');
    const incomplete = ctx.protocol ? incompleteBefore(stageProgress(await loadEvidence(tx, inc.id), ctx.protocol), d.stage) : [];
    const [updated] = await tx.query<IncidentRow>(
      `update incidents set stage = $3::int, stage_deadline_at = $4, version = version + 1,
         alerted_stage = case when $3::int > $5::int then greatest(alerted_stage, $3::int) else alerted_stage end
        where id = $1 and version = $2 and status = 'open' returning *`,
      [inc.id, input.version, d.stage, d.deadlineAt, FIRST_ALERTED_STAGE],
    );
    if (!updated) throw conflict('Someone else changed this incident; reload and check before escalating', 'version');
    await appendEvent(tx, {
      actor, type: 'incident.escalated', entityType: 'incident', entityId: inc.id, at, reason: input.reason,
      data: { from: inc.stage, to: d.stage, incompleteStages: incomplete as StageNumber[], deadlineAt: d.deadlineAt.toISOString() },
    });
    // Reaching internal escalation tells the on-call chain at once; further stages are taken by management itself.
    if (d.stage === FIRST_ALERTED_STAGE) await raiseAlert(tx, deps, updated, 'internal_escalation', ctx.settings, at);
    await recordDecision(tx, actor, updated, { kind: 'escalate', summary: `Escalated from stage ${inc.stage} to stage ${d.stage}`, rationale: input.reason }, ctx.settings, at);
    await incidentChanged(tx, inc, at);
    return snapshot(tx, inc.id);
  });
}
