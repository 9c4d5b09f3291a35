import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { can } from '../../domain/access/actions.ts';
import { notFound } from '../../domain/errors.ts';
import { parseAccumulationSettings } from '../../domain/safeguarding/accumulation.ts';
import { logAccess } from '../../db/events.ts';
import { displayName, findVisiblePerson } from '../../db/repos/people.ts';
import {
  concernDetail, concernPeople, earlierConcerns, findVisibleConcern, listVisibleConcerns, safeguardingSettings,
  type ConcernListRow, type ConcernRow,
} from '../../db/repos/safeguarding-concerns.ts';
import type { Deps } from '../deps.ts';

const canDecide = (actor: Actor) => actor.kind === 'staff' && can(actor.role, 'concern.decide');

/**
 * What a viewer sees of the stored suggestion. Links to other concerns (accumulation) are for
 * those who decide: the raiser must not learn of concerns they may not see.
 */
function suggestionFor(actor: Actor, c: ConcernRow) {
  if (canDecide(actor)) return c.suggestion;
  const { accumulation: _hidden, ...rest } = c.suggestion as Record<string, unknown>;
  return { ...rest, routes: ((rest.routes as { id: string }[]) ?? []).filter((r) => r.id !== 'accumulation') };
}

const summary = (actor: Actor, c: ConcernListRow) => ({
  id: c.id,
  raisedAt: c.raised_at,
  raisedBy: { id: c.raised_by, name: c.raised_by_name },
  people: c.people,
  suggestedOutcome: c.suggested_outcome,
  status: c.status,
  frameworkId: c.framework_id,
  frameworkVersion: c.framework_version,
  hasAccumulationPrompt: canDecide(actor) && !!(c.suggestion as { accumulation?: unknown }).accumulation,
  referralReference: c.referral_reference,
  referralOutcome: c.referral_outcome,
  openActions: c.open_actions,
});

/** One concern with its decision, referral, actions and (for those who decide) access grants. Every view is logged. */
export async function viewConcern(deps: Deps, actor: Actor, concernId: string) {
  requireAction(actor, 'concern.raise');
  const c = await findVisibleConcern(deps.db, actor, concernId);
  if (!c) throw notFound('Concern');
  await logAccess(deps.db, actor, 'concern', c.id, 'view safeguarding concern', deps.clock.now());
  const d = await concernDetail(deps.db, actor.orgId, c.id);
  const people = (await concernPeople(deps.db, [c.id])).get(c.id) ?? [];
  return {
    id: c.id,
    version: c.version,
    status: c.status,
    raisedAt: c.raised_at,
    raisedBy: { id: c.raised_by, name: d.raisedByName },
    sourceIncidentId: c.source_incident_id,
    frameworkId: c.framework_id,
    frameworkVersion: c.framework_version,
    people,
    indicatorIds: c.indicator_ids,
    description: c.description,
    alleged: c.alleged,
    childrenInvolved: c.children_involved,
    possibleCrime: c.possible_crime,
    capacity: c.capacity,
    risk: c.risk,
    personWishes: c.person_wishes,
    immediateActions: c.immediate_actions,
    suggestion: suggestionFor(actor, c),
    decision: d.decision ? {
      outcome: d.decision.outcome, rationale: d.decision.rationale, suggestedOutcome: d.decision.suggested_outcome,
      departureReason: d.decision.departure_reason, decidedBy: d.decision.decided_by_name, decidedAt: d.decision.decided_at,
    } : null,
    referral: d.referral ? {
      referredOn: d.referral.referred_on, localAuthority: d.referral.local_authority, method: d.referral.method, reference: d.referral.reference,
      enquiryOpened: d.referral.enquiry_opened, outcome: d.referral.outcome, outcomeOn: d.referral.outcome_on,
      personWanted: d.referral.person_wanted, version: d.referral.version, updatedAt: d.referral.updated_at,
    } : null,
    actions: d.actions.map((a) => ({
      id: a.id, description: a.description, owner: { id: a.owner_id, name: a.owner_name }, dueOn: a.due_on,
      completedAt: a.completed_at, completionNote: a.completion_note,
    })),
    access: canDecide(actor)
      ? d.access.map((g) => ({ staffId: g.staff_id, staffName: g.staff_name, grantedBy: g.granted_by_name, grantedAt: g.granted_at, reason: g.reason }))
      : [],
  };
}

/** The concerns the actor may see: the whole organisation's for the safeguarding lead and registered manager, else their own and shared ones. */
export async function listConcerns(deps: Deps, actor: Actor, filter: { status?: string }) {
  requireAction(actor, 'concern.raise');
  return (await listVisibleConcerns(deps.db, actor, filter)).map((c) => summary(actor, c));
}

/**
 * A person's concern log for the safeguarding lead: every concern about them, and how many
 * lower-level ones fall inside the organisation's accumulation window now.
 */
export async function personConcernLog(deps: Deps, actor: Actor, personId: string) {
  requireAction(actor, 'concern.read_all');
  const person = await findVisiblePerson(deps.db, actor, personId);
  if (!person) throw notFound('Person');
  const now = deps.clock.now();
  await logAccess(deps.db, actor, 'person', person.id, 'safeguarding concern log', now);
  const settings = parseAccumulationSettings((await safeguardingSettings(deps.db, actor.orgId)).accumulation);
  const since = new Date(now.getTime() - settings.windowDays * 86_400_000);
  const recent = (await earlierConcerns(deps.db, actor.orgId, [person.id], [], since)).filter((e) => e.isLowerLevel && e.personIds.includes(person.id));
  const concerns = (await listVisibleConcerns(deps.db, actor, { personId: person.id })).map((c) => ({
    ...summary(actor, c),
    isLowerLevel: c.status === 'lower_level' || c.status === 'no_further_action' || (c.status === 'awaiting_decision' && c.suggested_outcome === 'lower_level'),
    isInWindow: recent.some((r) => r.id === c.id),
  }));
  return {
    person: { id: person.id, name: displayName(person) },
    accumulation: {
      count: settings.count,
      windowDays: settings.windowDays,
      lowerLevelInWindow: recent.length,
      isThresholdReached: recent.length >= settings.count,
    },
    concerns,
  };
}
