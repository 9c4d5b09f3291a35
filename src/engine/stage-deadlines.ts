import { raiseAlert } from '../app/incidents/raise-alert.ts';
import { incidentChanged, incidentContext } from '../app/incidents/workflow-context.ts';
import { appendEvent } from '../db/events.ts';
import type { IncidentRow } from '../db/repos/incident-workflow.ts';
import type { SystemActor } from '../domain/access/actor.ts';
import { decideDeadline, FIRST_ALERTED_STAGE } from '../domain/escalation/stages.ts';
import type { EngineModule } from './engine.ts';

/**
 * Stage deadlines (no-response policy §20.1, "guided by risk"): an open incident whose stage
 * deadline has passed moves on a stage and, from internal escalation on, the on-call chain is
 * alerted. An incident that reached internal escalation without an alert (a medication-critical
 * miss opens straight at stage 3, §6) is alerted in the same way. Claimed with SKIP LOCKED and
 * written with its next deadline in one commit, so each deadline fires exactly once.
 */
const BATCH = 100;

export const stageDeadlinesModule: EngineModule = {
  name: 'stage-deadlines',
  runOnce: (deps, now) =>
    deps.db.transaction(async (tx) => {
      const rows = await tx.query<IncidentRow>(
        `select * from incidents where status = 'open'
           and (stage_deadline_at <= $1 or (stage >= $2 and alerted_stage < $2))
         order by stage_deadline_at limit ${BATCH} for update skip locked`,
        [now, FIRST_ALERTED_STAGE],
      );
      for (const inc of rows) {
        const actor: SystemActor = { kind: 'system', orgId: inc.org_id };
        const ctx = await incidentContext(tx, inc);
        let current = inc;
        let alert = inc.stage >= FIRST_ALERTED_STAGE && inc.alerted_stage < FIRST_ALERTED_STAGE;
        if (inc.stage_deadline_at && inc.stage_deadline_at.getTime() <= now.getTime()) {
          const d = decideDeadline(inc.stage, inc.stage_deadline_at, ctx.deadlines, now);
          [current] = await tx.query<IncidentRow>(
            'update incidents set stage = $2, stage_deadline_at = $3, version = version + 1 where id = $1 returning *',
            [inc.id, d.stage, d.deadlineAt],
          );
          for (const [i, s] of d.steps.entries()) {
            const next = d.steps[i + 1]?.at ?? d.deadlineAt;
            await appendEvent(tx, {
              actor, type: 'incident.stage_deadline_passed', entityType: 'incident', entityId: inc.id, at: now,
              data: { from: s.from, to: s.to, deadlineAt: s.at.toISOString(), nextDeadlineAt: next.toISOString() },
            });
          }
          alert ||= d.alertChain;
        }
        if (alert) await raiseAlert(tx, deps, current, inc.alerted_stage < FIRST_ALERTED_STAGE && current.stage === inc.stage ? 'internal_escalation' : 'stage_deadline', ctx.settings, now);
        else await incidentChanged(tx, current, now);
      }
      return rows.length;
    }),
  async nextDueAt(deps) {
    const [pending] = await deps.db.query<{ n: number }>(
      `select count(*)::int as n from incidents where status = 'open' and stage >= $1 and alerted_stage < $1`, [FIRST_ALERTED_STAGE]);
    if (pending.n > 0) return deps.clock.now();
    const [row] = await deps.db.query<{ at: Date | null }>(`select min(stage_deadline_at) as at from incidents where status = 'open'`);
    return row?.at ?? null;
  },
};
