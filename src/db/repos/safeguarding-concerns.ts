import type { Actor } from '../../domain/access/actor.ts';
import { can } from '../../domain/access/actions.ts';
import type { EarlierConcern } from '../../domain/safeguarding/accumulation.ts';
import type { Queryable } from '../port.ts';
import { isUuid } from './people.ts';

/**
 * Safeguarding concerns. Seeing one is narrower than seeing a person: the safeguarding lead and
 * registered manager (action concern.read_all), the member of staff who raised it, and staff
 * granted access. Anyone else is told it does not exist (404), as for another organisation's record.
 */

export type ConcernRow = {
  id: string;
  org_id: string;
  raised_by: string;
  raised_at: Date;
  source_incident_id: string | null;
  framework_id: string;
  framework_version: string;
  indicator_ids: string[];
  description: string;
  alleged: { kind: string; staffId?: string | null; detail?: string }[];
  alleged_staff_ids: string[];
  children_involved: string;
  possible_crime: string;
  capacity: string;
  risk: string;
  person_wishes: string;
  immediate_actions: string;
  suggestion: Record<string, unknown> & { outcome: string };
  suggested_outcome: string;
  status: string;
  version: number;
};

/** Whether the actor sees every concern of the organisation. */
export const seesAllConcerns = (actor: Actor): boolean =>
  actor.kind === 'system' || (actor.kind === 'staff' && can(actor.role, 'concern.read_all'));

/** SQL condition (alias c) limiting concerns to those the actor may see; pushes its parameters. */
function visibleCondition(actor: Actor, params: unknown[]): string {
  if (seesAllConcerns(actor)) return 'true';
  if (actor.kind !== 'staff') return 'false';
  params.push(actor.id);
  const p = `$${params.length}`;
  return `(c.raised_by = ${p} or exists (select 1 from safeguarding_concern_access g where g.concern_id = c.id and g.staff_id = ${p}))`;
}

export async function findVisibleConcern(db: Queryable, actor: Actor, id: string): Promise<ConcernRow | undefined> {
  if (!isUuid(id)) return undefined;
  const params: unknown[] = [actor.orgId, id];
  const cond = visibleCondition(actor, params);
  const [row] = await db.query<ConcernRow>(`select c.* from safeguarding_concerns c where c.org_id = $1 and c.id = $2 and ${cond}`, params);
  return row;
}

export type ConcernListRow = ConcernRow & {
  raised_by_name: string;
  people: { id: string; name: string }[];
  referral_reference: string | null;
  referral_outcome: string | null;
  open_actions: number;
};

/** Concerns the actor may see, newest first, with the people they are about. */
export async function listVisibleConcerns(
  db: Queryable,
  actor: Actor,
  filter: { status?: string; personId?: string; limit?: number } = {},
): Promise<ConcernListRow[]> {
  const params: unknown[] = [actor.orgId];
  const cond = visibleCondition(actor, params);
  let extra = '';
  if (filter.status) {
    params.push(filter.status);
    extra += ` and c.status = $${params.length}`;
  }
  if (filter.personId) {
    params.push(filter.personId);
    extra += ` and exists (select 1 from safeguarding_concern_people x where x.concern_id = c.id and x.person_id = $${params.length})`;
  }
  params.push(filter.limit ?? 200);
  const rows = await db.query<ConcernListRow>(
    `select c.*, s.name as raised_by_name, r.reference as referral_reference, r.outcome as referral_outcome,
       (select count(*)::int from safeguarding_actions a where a.concern_id = c.id and a.completed_at is null) as open_actions
     from safeguarding_concerns c join staff s on s.id = c.raised_by
     left join safeguarding_referrals r on r.concern_id = c.id
     where c.org_id = $1 and ${cond}${extra}
     order by c.raised_at desc limit $${params.length}`,
    params,
  );
  const people = await concernPeople(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, people: people.get(r.id) ?? [] }));
}

/** The people each concern is about, with display names. */
export async function concernPeople(db: Queryable, concernIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const m = new Map<string, { id: string; name: string }[]>();
  if (concernIds.length === 0) return m;
  const rows = await db.query<{ concern_id: string; id: string; given_name: string; family_name: string; preferred_name: string | null }>(
    `select x.concern_id, p.id, p.given_name, p.family_name, p.preferred_name
     from safeguarding_concern_people x join people p on p.id = x.person_id
     where x.concern_id = any($1::uuid[]) order by p.family_name, p.given_name`,
    [concernIds],
  );
  for (const r of rows) {
    const list = m.get(r.concern_id) ?? [];
    list.push({ id: r.id, name: `${r.preferred_name?.trim() || r.given_name} ${r.family_name}` });
    m.set(r.concern_id, list);
  }
  return m;
}

/**
 * Earlier concerns about any of these people or involving any of these staff members, raised
 * after `since`: the input to the accumulation prompt. Lower-level means decided as lower-level
 * or no further action, or not yet decided with a lower-level suggestion.
 */
export async function earlierConcerns(
  db: Queryable,
  orgId: string,
  personIds: readonly string[],
  staffIds: readonly string[],
  since: Date,
): Promise<EarlierConcern[]> {
  const rows = await db.query<{ id: string; raised_at: Date; status: string; suggested_outcome: string; alleged_staff_ids: string[]; person_ids: string[] }>(
    `select c.id, c.raised_at, c.status, c.suggested_outcome, c.alleged_staff_ids,
       coalesce((select array_agg(x.person_id) from safeguarding_concern_people x where x.concern_id = c.id), '{}') as person_ids
     from safeguarding_concerns c
     where c.org_id = $1 and c.raised_at > $2
       and (c.alleged_staff_ids && $4::uuid[]
         or exists (select 1 from safeguarding_concern_people x where x.concern_id = c.id and x.person_id = any($3::uuid[])))
     order by c.raised_at`,
    [orgId, since, [...personIds], [...staffIds]],
  );
  return rows.map((r) => ({
    id: r.id,
    raisedAt: r.raised_at,
    personIds: r.person_ids,
    allegedStaffIds: r.alleged_staff_ids,
    isLowerLevel: r.status === 'lower_level' || r.status === 'no_further_action' || (r.status === 'awaiting_decision' && r.suggested_outcome === 'lower_level'),
  }));
}

export type DecisionRow = {
  id: string; outcome: string; rationale: string; suggested_outcome: string; departure_reason: string | null;
  decided_by: string; decided_by_name: string; decided_at: Date;
};
export type ReferralRow = {
  id: string; referred_on: string; local_authority: string; method: string; reference: string | null; enquiry_opened: string;
  outcome: string | null; outcome_on: string | null; person_wanted: string; version: number; updated_at: Date;
};
export type ActionRow = {
  id: string; description: string; owner_id: string; owner_name: string; due_on: string; completed_at: Date | null; completion_note: string | null;
};
export type AccessGrantRow = { staff_id: string; staff_name: string; granted_by_name: string; granted_at: Date; reason: string };

/** Everything hanging off one concern (the caller has already checked it may see the concern). */
export async function concernDetail(db: Queryable, orgId: string, concernId: string) {
  const [decision] = await db.query<DecisionRow>(
    `select d.*, s.name as decided_by_name from safeguarding_decisions d join staff s on s.id = d.decided_by
     where d.org_id = $1 and d.concern_id = $2`, [orgId, concernId]);
  const [referral] = await db.query<ReferralRow>('select * from safeguarding_referrals where org_id = $1 and concern_id = $2', [orgId, concernId]);
  const actions = await db.query<ActionRow>(
    `select a.*, s.name as owner_name from safeguarding_actions a join staff s on s.id = a.owner_id
     where a.org_id = $1 and a.concern_id = $2 order by a.due_on, a.created_at`, [orgId, concernId]);
  const access = await db.query<AccessGrantRow>(
    `select g.staff_id, s.name as staff_name, b.name as granted_by_name, g.granted_at, g.reason
     from safeguarding_concern_access g join staff s on s.id = g.staff_id join staff b on b.id = g.granted_by
     where g.org_id = $1 and g.concern_id = $2 order by g.granted_at`, [orgId, concernId]);
  const [raiser] = await db.query<{ name: string }>(
    'select s.name from staff s join safeguarding_concerns c on c.raised_by = s.id where c.org_id = $1 and c.id = $2', [orgId, concernId]);
  return { decision, referral, actions, access, raisedByName: raiser?.name ?? '' };
}

/** Staff of this organisation among `ids`; the rest are unknown (other organisations included). */
export async function knownStaffIds(db: Queryable, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return new Set();
  const rows = await db.query<{ id: string }>('select id from staff where org_id = $1 and id = any($2::uuid[])', [orgId, valid]);
  return new Set(rows.map((r) => r.id));
}

/** The organisation's safeguarding settings (framework, accumulation window), as stored. */
export async function safeguardingSettings(db: Queryable, orgId: string): Promise<{ frameworkId?: string; accumulation?: unknown }> {
  const [row] = await db.query<{ s: { frameworkId?: string; accumulation?: unknown } | null }>(
    "select settings->'safeguarding' as s from organisations where id = $1", [orgId]);
  return row?.s ?? {};
}
