import { logAccess } from '../../db/events.ts';
import { findVisibleIncident, type IncidentRow } from '../../db/repos/incident-workflow.ts';
import { displayName, findPersonInOrg, serviceScope } from '../../db/repos/people.ts';
import { listContacts } from '../../db/repos/person-contacts.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { notFound } from '../../domain/errors.ts';
import { requiredAttempts, stageLabel, stageProgress } from '../../domain/escalation/stages.ts';
import { decideWiderContact } from '../../domain/escalation/wider-contacts.ts';
import type { Deps } from '../deps.ts';
import { loadEvidence } from './incident-evidence.ts';
import { managementContext } from './management-context.ts';
import { incidentContext } from './workflow-context.ts';

/** One row of the on-call board: overdue first, then by the next deadline. */
export async function listOpenIncidents(deps: Deps, actor: Actor) {
  requireAction(actor, 'incident.read');
  const now = deps.clock.now();
  const params: unknown[] = [actor.orgId];
  const scope = serviceScope(actor, 'i.service_id', params);
  const rows = await deps.db.query<IncidentRow & { person_name: string; acknowledged_by_name: string | null; open_alerts: number; holder_name: string | null }>(
    `select i.*, coalesce(nullif(trim(p.preferred_name), ''), p.given_name) || ' ' || p.family_name as person_name,
            ack.name as acknowledged_by_name,
            (select count(*)::int from incident_alerts a where a.incident_id = i.id and a.status = 'open') as open_alerts,
            (select s.name from incident_alerts a join staff s on s.id = a.current_staff_id where a.incident_id = i.id and a.status = 'open' limit 1) as holder_name
       from incidents i join people p on p.id = i.person_id left join staff ack on ack.id = i.acknowledged_by
      where i.org_id = $1 and i.status = 'open' and ${scope}
      order by i.stage_deadline_at nulls first, i.opened_at`,
    params,
  );
  const list = rows.map((r) => ({
    id: r.id, personId: r.person_id, personName: r.person_name, stage: r.stage, stageLabel: stageLabel(r.stage), version: r.version,
    source: r.source, stageReason: r.stage_reason, openedAt: r.opened_at, deadlineAt: r.stage_deadline_at,
    msToDeadline: r.stage_deadline_at ? r.stage_deadline_at.getTime() - now.getTime() : null,
    isOverdue: !!r.stage_deadline_at && r.stage_deadline_at.getTime() <= now.getTime(),
    isEmergency: !!r.emergency_at, isMedicationCritical: r.is_medication_critical,
    acknowledgedAt: r.acknowledged_at, acknowledgedBy: r.acknowledged_by_name, hasOpenAlert: r.open_alerts > 0, alertHolder: r.holder_name,
  }));
  // Emergencies and overdue ones on top, then the nearest deadline.
  return list.sort((a, b) => Number(b.isEmergency) - Number(a.isEmergency) || Number(b.isOverdue) - Number(a.isOverdue) || (a.msToDeadline ?? 0) - (b.msToDeadline ?? 0));
}

/** The incident page: evidence, decisions, alerts, notifications, the record, and the person's context. */
export async function incidentDetail(deps: Deps, actor: Actor, id: string) {
  requireAction(actor, 'incident.read');
  const inc = await findVisibleIncident(deps.db, actor, id);
  if (!inc) throw notFound('Incident');
  const now = deps.clock.now();
  await logAccess(deps.db, actor, 'person', inc.person_id, 'incident', now);
  const db = deps.db;
  const person = (await findPersonInOrg(db, inc.org_id, inc.person_id))!;
  const ctx = await incidentContext(db, inc);
  const evidence = await loadEvidence(db, inc.id);
  const q = <T>(sql: string) => db.query<T>(sql, [inc.id]);
  const [observations, attempts, widerContacts, external, decisions, alerts, notifications, events, review] = await Promise.all([
    q(`select o.*, s.name as by_name from incident_observations o left join staff s on s.id = o.recorded_by where o.incident_id = $1 order by o.recorded_at`),
    q(`select a.*, s.name as by_name from incident_contact_attempts a left join staff s on s.id = a.recorded_by where a.incident_id = $1 order by a.attempted_at`),
    q(`select w.*, s.name as by_name from incident_wider_contacts w left join staff s on s.id = w.recorded_by where w.incident_id = $1 order by w.recorded_at`),
    q(`select e.*, s.name as by_name from incident_external_escalations e left join staff s on s.id = e.recorded_by where e.incident_id = $1 order by e.recorded_at`),
    q(`select d.*, s.name as by_name, r.name as reviewed_by_name from incident_decisions d left join staff s on s.id = d.decided_by left join staff r on r.id = d.reviewed_by where d.incident_id = $1 order by d.decided_at`),
    q(`select a.*, s.name as holder_name, k.name as acknowledged_by_name from incident_alerts a left join staff s on s.id = a.current_staff_id left join staff k on k.id = a.acknowledged_by where a.incident_id = $1 order by a.raised_at`),
    q(`select n.id, n.channel, n.status, n.attempts, n.subject, n.last_error, n.created_at, n.sent_at, n.cancelled_reason, s.name as recipient_name from notifications n left join staff s on s.id = n.recipient_staff_id where n.incident_id = $1 order by n.created_at, n.channel`),
    q(`select e.seq, e.at, e.type, e.data, e.reason, e.actor_kind, s.name as actor_name from events e left join staff s on s.id = e.actor_id where e.entity_type = 'incident' and e.entity_id = $1 order by e.seq`),
    q(`select r.*, s.name as reviewed_by_name from incident_reviews r left join staff s on s.id = r.reviewed_by where r.incident_id = $1`),
  ]);
  const contacts = await listContacts(db, inc.org_id, inc.person_id);
  const names = await db.query<{ id: string; name: string }>('select id, name from staff where id = any($1::uuid[])',
    [[inc.acknowledged_by, inc.closed_by, inc.emergency_by, inc.opened_by, inc.reviewed_by].filter(Boolean)]);
  const nameOf = (sid: string | null) => names.find((n) => n.id === sid)?.name ?? null;
  return {
    incident: {
      id: inc.id, personId: inc.person_id, personName: displayName(person), serviceId: inc.service_id, stage: inc.stage, stageLabel: stageLabel(inc.stage),
      status: inc.status, version: inc.version, source: inc.source, stageReason: inc.stage_reason, openedAt: inc.opened_at, openedBy: nameOf(inc.opened_by),
      deadlineAt: inc.stage_deadline_at, isMedicationCritical: inc.is_medication_critical,
      acknowledgedAt: inc.acknowledged_at, acknowledgedBy: nameOf(inc.acknowledged_by), emergencyAt: inc.emergency_at, emergencyBy: nameOf(inc.emergency_by),
      closedAt: inc.closed_at, closedBy: nameOf(inc.closed_by), outcome: inc.outcome, outcomeRationale: inc.outcome_rationale,
      whereaboutsConfirmedBy: inc.whereabouts_confirmed_by, reviewStatus: inc.review_status, reviewedAt: inc.reviewed_at, reviewedBy: nameOf(inc.reviewed_by),
    },
    progress: ctx.protocol ? stageProgress(evidence, ctx.protocol) : stageProgress(evidence, { contactMethods: [{ method: 'phone_call', detail: '', attempts: 1, spacingMinutes: 0 }] }),
    requiredAttempts: ctx.protocol ? requiredAttempts(ctx.protocol) : 1,
    deadlines: ctx.deadlines,
    person: {
      name: displayName(person), address: person.address, healthConditions: person.health_conditions, communicationNeeds: person.communication_needs,
      accessArrangements: person.access_arrangements, isMedicationCritical: person.is_medication_critical, medicationCriticalDetail: person.medication_critical_detail,
      culturalRoutines: person.cultural_routines, gp: person.gp, housingProvider: person.housing_provider,
    },
    protocol: ctx.protocol && {
      risk: ctx.protocol.risk, knownRoutines: ctx.protocol.knownRoutines, specificRisks: ctx.protocol.specificRisks,
      contactMethods: ctx.protocol.contactMethods, involvement: ctx.protocol.involvement,
    },
    contacts: contacts.map((c) => ({
      id: c.id, name: c.name, kind: c.kind, relationship: c.relationship, phone: c.phone, hasConsent: c.has_consent,
      contactableFromStage: c.contactable_from_stage,
      isOffered: decideWiderContact({ hasConsent: c.has_consent, contactableFromStage: c.contactable_from_stage }, inc.stage, null).isAllowed,
    })),
    management: await managementContext(db, inc, ctx.protocol, now),
    observations, attempts, widerContacts, external, decisions, alerts, notifications, events, review: review[0] ?? null,
  };
}
