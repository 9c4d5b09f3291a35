import { appendEvent } from '../../db/events.ts';
import { serviceScope } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { localDate } from '../../domain/escalation/working-time.ts';
import type { Deps } from '../deps.ts';
import './incident-events.ts';

/**
 * The senior review queue (no-response policy §12, §20.5): closed incidents awaiting their
 * management review, and decisions taken out of hours that are due for review on or before
 * `date` (a local date; today by default) and not yet reviewed.
 */
export async function reviewQueue(deps: Deps, actor: Actor, date?: string) {
  requireAction(actor, 'incident.review');
  const on = date ?? localDate(deps.clock.now());
  const params: unknown[] = [actor.orgId];
  const scope = serviceScope(actor, 'i.service_id', params);
  const closed = await deps.db.query<Record<string, unknown>>(
    `select i.id, i.closed_at, i.outcome, i.outcome_rationale, i.stage, s.name as closed_by_name,
            coalesce(nullif(trim(p.preferred_name), ''), p.given_name) || ' ' || p.family_name as person_name
       from incidents i join people p on p.id = i.person_id left join staff s on s.id = i.closed_by
      where i.org_id = $1 and i.review_status = 'awaiting' and ${scope} order by i.closed_at`,
    params,
  );
  params.push(on);
  const decisions = await deps.db.query<Record<string, unknown>>(
    `select d.id, d.incident_id, d.kind, d.summary, d.rationale, d.decided_at, d.review_due_on, s.name as decided_by_name,
            coalesce(nullif(trim(p.preferred_name), ''), p.given_name) || ' ' || p.family_name as person_name
       from incident_decisions d join incidents i on i.id = d.incident_id join people p on p.id = i.person_id left join staff s on s.id = d.decided_by
      where d.org_id = $1 and d.review_due_on is not null and d.reviewed_at is null and d.review_due_on <= $${params.length}::date and ${scope}
      order by d.decided_at`,
    params,
  );
  return {
    date: on,
    closedIncidents: closed.map((c) => ({ incidentId: c.id, personName: c.person_name, closedAt: c.closed_at, outcome: c.outcome, rationale: c.outcome_rationale, stage: c.stage, closedBy: c.closed_by_name })),
    outOfHoursDecisions: decisions.map((d) => ({
      decisionId: d.id, incidentId: d.incident_id, personName: d.person_name, kind: d.kind, summary: d.summary, rationale: d.rationale,
      decidedAt: d.decided_at, decidedBy: d.decided_by_name, reviewDueOn: d.review_due_on,
    })),
  };
}

/** A senior manager reviews one out-of-hours decision (§12), with a note. */
export async function reviewDecision(deps: Deps, actor: Actor, decisionId: string, input: { note: string }) {
  requireAction(actor, 'incident.review');
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const params: unknown[] = [actor.orgId, decisionId];
    const scope = serviceScope(actor, 'i.service_id', params);
    const [d] = await tx.query<{ id: string; incident_id: string; reviewed_at: Date | null }>(
      `select d.id, d.incident_id, d.reviewed_at from incident_decisions d join incidents i on i.id = d.incident_id
        where d.org_id = $1 and d.id = $2 and ${scope} for update of d`,
      params,
    );
    if (!d) throw notFound('Decision');
    if (d.reviewed_at) throw conflict('This decision has already been reviewed');
    await tx.query('update incident_decisions set reviewed_at = $2, reviewed_by = $3, review_note = $4 where id = $1', [d.id, at, actor.kind === 'staff' ? actor.id : null, input.note]);
    await appendEvent(tx, { actor, type: 'incident.decision_reviewed', entityType: 'incident', entityId: d.incident_id, data: { decisionId: d.id, note: input.note }, at });
    return { ok: true as const };
  });
}
