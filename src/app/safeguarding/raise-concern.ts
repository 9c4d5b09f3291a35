import type { Actor, StaffActor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { accumulationPrompt, parseAccumulationSettings } from '../../domain/safeguarding/accumulation.ts';
import type { AllegedKind, FrameworkRegistry } from '../../domain/safeguarding/framework.ts';
import { suggest, type ConcernFacts, type Suggestion, type Tristate } from '../../domain/safeguarding/suggest.ts';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { findVisiblePerson, isUuid } from '../../db/repos/people.ts';
import { earlierConcerns, knownStaffIds, safeguardingSettings } from '../../db/repos/safeguarding-concerns.ts';
import type { Deps } from '../deps.ts';
import { flagProtocolReview } from '../people/flag-protocol-review.ts';
import { DEFAULT_FRAMEWORK_ID, loadFrameworks } from './frameworks.ts';
import './safeguarding-events.ts';

export type RaiseConcernInput = {
  personIds: string[];
  indicatorIds: string[];
  description: string;
  alleged: { kind: AllegedKind; staffId?: string | null; detail?: string }[];
  childrenInvolved: Tristate;
  possibleCrime: Tristate;
  capacity: ConcernFacts['capacity'];
  risk: ConcernFacts['risk'];
  /** Making Safeguarding Personal: what the person wants to happen. */
  personWishes: string;
  immediateActions: string;
  /** When raised from a no-response incident. */
  sourceIncidentId?: string | null;
};

/** Safeguarding use-cases accept the loaded frameworks; without them the files are read afresh. */
export type SafeguardingDeps = Deps & { frameworks?: FrameworkRegistry };

/** The framework an organisation assesses new concerns under, and its accumulation settings. */
export async function organisationFramework(deps: SafeguardingDeps, db: Queryable, orgId: string) {
  const settings = await safeguardingSettings(db, orgId);
  const registry = deps.frameworks ?? loadFrameworks();
  return { framework: registry.get(settings.frameworkId ?? DEFAULT_FRAMEWORK_ID), accumulation: parseAccumulationSettings(settings.accumulation) };
}

const factsOf = (input: RaiseConcernInput): ConcernFacts => ({
  indicatorIds: input.indicatorIds, alleged: input.alleged, childrenInvolved: input.childrenInvolved,
  possibleCrime: input.possibleCrime, capacity: input.capacity, risk: input.risk,
});

async function validate(db: Queryable, actor: Actor, input: RaiseConcernInput): Promise<string[]> {
  if (input.personIds.length === 0) throw invalid('personIds', 'Choose the person (or people) the concern is about');
  if (new Set(input.personIds).size !== input.personIds.length) throw invalid('personIds', 'A person is listed twice');
  for (const [i, pid] of input.personIds.entries()) {
    if (!(await findVisiblePerson(db, actor, pid))) throw invalid(`personIds.${i}`, 'No such person among the people you support');
  }
  if (!input.description.trim()) throw invalid('description', 'Describe what happened or what you noticed');
  if (input.alleged.length === 0) throw invalid('alleged', 'Say who is alleged to have caused harm (or "not known")');
  const staffIds = input.alleged.map((a) => a.staffId).filter((s): s is string => !!s);
  const known = await knownStaffIds(db, actor.orgId, staffIds);
  for (const [i, a] of input.alleged.entries()) {
    if (a.kind === 'staff_member' && !a.staffId) throw invalid(`alleged.${i}.staffId`, 'Choose the member of staff');
    if (a.staffId && !known.has(a.staffId)) throw invalid(`alleged.${i}.staffId`, 'No such member of staff');
  }
  if (input.sourceIncidentId) {
    const [inc] = isUuid(input.sourceIncidentId)
      ? await db.query('select 1 from incidents where org_id = $1 and id = $2', [actor.orgId, input.sourceIncidentId]) : [];
    if (!inc) throw invalid('sourceIncidentId', 'No such incident');
  }
  return [...new Set(staffIds)];
}

/**
 * Records a concern inside the caller's transaction: the suggestion (with any accumulation
 * prompt), the people, the event, and a protocol review flag for each person (no-response policy
 * §10: a safeguarding concern triggers a review). For the incident workflow, which raises a
 * concern from a management review in its own transaction.
 */
export async function raiseConcernInTransaction(
  tx: Queryable,
  deps: SafeguardingDeps,
  actor: StaffActor,
  input: RaiseConcernInput,
): Promise<{ id: string; suggestion: Suggestion }> {
  const allegedStaffIds = await validate(tx, actor, input);
  const { framework, accumulation } = await organisationFramework(deps, tx, actor.orgId);
  suggest(framework, factsOf(input)); // refuses unknown indicators before anything is written
  const at = deps.clock.now();
  const id = newId(at.getTime());
  const since = new Date(at.getTime() - accumulation.windowDays * 86_400_000);
  const earlier = await earlierConcerns(tx, actor.orgId, input.personIds, allegedStaffIds, since);
  const prompt = accumulationPrompt({ id, raisedAt: at, personIds: input.personIds, allegedStaffIds }, earlier, accumulation);
  const suggestion = suggest(framework, factsOf(input), { accumulation: prompt });
  await tx.query(
    `insert into safeguarding_concerns (id, org_id, raised_by, raised_at, source_incident_id, framework_id, framework_version,
       indicator_ids, description, alleged, alleged_staff_ids, children_involved, possible_crime, capacity, risk,
       person_wishes, immediate_actions, suggestion, suggested_outcome)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
    [id, actor.orgId, actor.id, at, input.sourceIncidentId ?? null, framework.id, framework.version, [...new Set(input.indicatorIds)],
      input.description.trim(), JSON.stringify(input.alleged), allegedStaffIds, input.childrenInvolved, input.possibleCrime,
      input.capacity, input.risk, input.personWishes.trim(), input.immediateActions.trim(), JSON.stringify(suggestion), suggestion.outcome],
  );
  for (const pid of input.personIds) {
    await tx.query('insert into safeguarding_concern_people (concern_id, person_id, org_id) values ($1,$2,$3)', [id, pid, actor.orgId]);
  }
  await appendEvent(tx, {
    actor, type: 'concern.raised', entityType: 'concern', entityId: id, at,
    data: {
      personIds: input.personIds, frameworkId: framework.id, frameworkVersion: framework.version, indicatorIds: input.indicatorIds,
      description: input.description.trim(), alleged: input.alleged, childrenInvolved: input.childrenInvolved, possibleCrime: input.possibleCrime,
      capacity: input.capacity, risk: input.risk, personWishes: input.personWishes.trim(), immediateActions: input.immediateActions.trim(),
      suggestedOutcome: suggestion.outcome, routes: suggestion.routes.map((r) => r.id), accumulationPrompt: prompt.prompt,
      sourceIncidentId: input.sourceIncidentId ?? null,
    },
  });
  for (const pid of input.personIds) {
    await flagProtocolReview(tx, actor, pid, 'safeguarding_concern', id, at, 'Safeguarding concern raised');
  }
  return { id, suggestion };
}

/** Raises a safeguarding concern: open to every staff role (action concern.raise). */
export async function raiseConcern(deps: SafeguardingDeps, actor: Actor, input: RaiseConcernInput) {
  requireAction(actor, 'concern.raise');
  if (actor.kind !== 'staff') throw new DomainError('forbidden', 'A concern is raised by a member of staff');
  return deps.db.transaction((tx) => raiseConcernInTransaction(tx, deps, actor, input));
}

/** The suggestion for facts not yet recorded (the raise form's live preview); no accumulation, nothing saved. */
export async function previewSuggestion(deps: SafeguardingDeps, actor: Actor, facts: ConcernFacts): Promise<Suggestion> {
  requireAction(actor, 'concern.raise');
  const { framework } = await organisationFramework(deps, deps.db, actor.orgId);
  return suggest(framework, facts);
}

/**
 * For the incident workflow: raises a concern that came out of a no-response incident (its
 * management review or closure), inside the incident's own transaction so both commit together.
 * `incidentId` may be null when the caller has no incident to link.
 */
export async function raiseConcernFromIncident(
  tx: Queryable,
  deps: SafeguardingDeps,
  actor: StaffActor,
  incidentId: string | null,
  input: Omit<RaiseConcernInput, 'sourceIncidentId'>,
): Promise<{ id: string; suggestion: Suggestion }> {
  requireAction(actor, 'concern.raise');
  return raiseConcernInTransaction(tx, deps, actor, { ...input, sourceIncidentId: incidentId });
}
