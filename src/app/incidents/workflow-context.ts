import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { orgSettings, publishLive, type IncidentRow } from '../../db/repos/incident-workflow.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { escalationSettings, type EscalationSettings } from '../../domain/escalation/settings.ts';
import { isInWorkingHours, nextWorkingDay } from '../../domain/escalation/working-time.ts';
import { protocolContent, stageDeadlinesFor, type ProtocolContent, type StageDeadlines } from '../../domain/protocol/content.ts';
import { shippedBankHolidays } from '../../domain/time/bank-holidays.ts';
import './incident-events.ts';

export type IncidentContext = { settings: EscalationSettings; protocol: ProtocolContent | null; deadlines: StageDeadlines };

/**
 * What the rules need about an incident: the organisation's settings and the protocol version
 * the incident pinned when it opened. With no protocol yet, the organisation's high-risk
 * deadlines apply (unknown risk is treated as high).
 */
export async function incidentContext(tx: Queryable, inc: Pick<IncidentRow, 'org_id' | 'protocol_version_id'>): Promise<IncidentContext> {
  const settings = escalationSettings(await orgSettings(tx, inc.org_id));
  let protocol: ProtocolContent | null = null;
  if (inc.protocol_version_id) {
    const [row] = await tx.query<{ content: unknown }>('select content from protocol_versions where id = $1', [inc.protocol_version_id]);
    const parsed = protocolContent.safeParse(typeof row?.content === 'string' ? JSON.parse(row.content) : row?.content);
    if (parsed.success) protocol = parsed.data;
  }
  const deadlines = protocol ? stageDeadlinesFor(protocol, settings.stageDeadlines) : settings.stageDeadlines.high;
  return { settings, protocol, deadlines };
}

export type DecisionInput = { kind: string; summary: string; rationale?: string };

/**
 * Records a decision a person took on an incident. Out of hours it is queued for senior review
 * on the next working day (no-response policy §12: on-call decisions are reviewed by senior
 * management); in hours it is simply recorded. The engine's own steps are not decisions.
 */
export async function recordDecision(tx: Queryable, actor: Actor, inc: IncidentRow, d: DecisionInput, settings: EscalationSettings, at: Date): Promise<string | null> {
  if (actor.kind !== 'staff') return null;
  const holidays = shippedBankHolidays();
  const isOutOfHours = !isInWorkingHours(at, settings.workingHours, holidays);
  const reviewDueOn = isOutOfHours ? nextWorkingDay(at, settings.workingHours, holidays) : null;
  const id = newId(at.getTime());
  await tx.query(
    `insert into incident_decisions (id, org_id, incident_id, kind, summary, rationale, decided_by, decided_at, is_out_of_hours, review_due_on)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [id, inc.org_id, inc.id, d.kind, d.summary, d.rationale ?? '', actor.id, at, isOutOfHours, reviewDueOn],
  );
  await appendEvent(tx, {
    actor, type: 'incident.decision_recorded', entityType: 'incident', entityId: inc.id,
    data: { decisionId: id, kind: d.kind, summary: d.summary, isOutOfHours, reviewDueOn }, reason: d.rationale || null, at,
  });
  return id;
}

/**
 * Compare-and-set on the version the caller saw; bumps it. Returns false when someone else
 * changed the incident first (the caller answers 409).
 */
export async function bumpVersion(tx: Queryable, inc: IncidentRow, seenVersion: number, set: string, params: unknown[]): Promise<boolean> {
  const rows = await tx.query(
    `update incidents set ${set}${set ? ', ' : ''}version = version + 1 where id = $1 and version = $2 and status = 'open' returning id`,
    [inc.id, seenVersion, ...params],
  );
  return rows.length === 1;
}

/** Tells live screens that an incident changed (ids only; screens refetch). */
export const incidentChanged = (tx: Queryable, inc: Pick<IncidentRow, 'org_id' | 'id'>, at: Date) =>
  publishLive(tx, inc.org_id, 'incident', { incidentId: inc.id }, at);
