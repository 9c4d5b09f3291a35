import { serviceScope } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import type { Deps } from '../deps.ts';
import { flagOverdueReviews } from './flag-overdue-reviews.ts';

export type PeopleFilter = {
  q?: string;
  serviceId?: string;
  risk?: 'low' | 'medium' | 'high' | 'none';
  reviewDue?: boolean;
  limit?: number;
  offset?: number;
};

type Row = {
  id: string; given_name: string; family_name: string; preferred_name: string | null; date_of_birth: string | null;
  service_id: string; service_name: string; is_medication_critical: boolean; protocol_version: number | null;
  risk: string | null; next_review_date: string | null; review_reasons: string[]; absent_kind: string | null; total: number;
};

/**
 * The people the actor may see, with their current risk level, review status and any absence
 * now, filtered and searched. Overdue review dates are flagged first, so "review due" is true
 * the day after the date passes even before the engine has run.
 */
export async function listPeople(deps: Deps, actor: Actor, filter: PeopleFilter) {
  requireAction(actor, 'person.read');
  const at = deps.clock.now();
  await flagOverdueReviews(deps.db, at, { orgId: actor.orgId });
  const params: unknown[] = [actor.orgId, at];
  const where = ['p.org_id = $1', serviceScope(actor, 'p.service_id', params)];
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    params.push(`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q.replace(/[\s-]/g, ''));
    const like = `$${params.length - 1}`;
    where.push(`(lower(p.given_name || ' ' || p.family_name) like ${like} or lower(coalesce(p.preferred_name, '')) like ${like}
                 or p.nhs_number = $${params.length} or lower(coalesce(p.external_ref, '')) = lower($${params.length}))`);
  }
  if (filter.serviceId) {
    params.push(filter.serviceId);
    where.push(`p.service_id = $${params.length}`);
  }
  if (filter.risk === 'none') where.push('pv.version is null');
  else if (filter.risk) {
    params.push(filter.risk);
    where.push(`coalesce(pv.content->'risk'->>'overrideLevel', pv.content->'risk'->>'assessedLevel') = $${params.length}`);
  }
  if (filter.reviewDue !== undefined) {
    where.push(`${filter.reviewDue ? '' : 'not '}exists (select 1 from protocol_review_flags f where f.person_id = p.id and f.cleared_at is null)`);
  }
  params.push(Math.min(filter.limit ?? 100, 500), filter.offset ?? 0);
  const rows = await deps.db.query<Row>(
    `select p.id, p.given_name, p.family_name, p.preferred_name, p.date_of_birth, p.service_id, s.name as service_name,
            p.is_medication_critical, pv.version as protocol_version,
            coalesce(pv.content->'risk'->>'overrideLevel', pv.content->'risk'->>'assessedLevel') as risk,
            pv.content->>'nextReviewDate' as next_review_date,
            coalesce(array(select distinct f.reason from protocol_review_flags f where f.person_id = p.id and f.cleared_at is null order by 1), '{}') as review_reasons,
            (select a.kind from known_absences a where a.person_id = p.id and a.starts_at <= $2
                and coalesce(a.ended_at, a.expected_end_at, 'infinity'::timestamptz) > $2 order by a.starts_at desc limit 1) as absent_kind,
            count(*) over ()::int as total
       from people p
       join services s on s.id = p.service_id
       left join lateral (select version, content from protocol_versions v where v.person_id = p.id order by v.version desc limit 1) pv on true
      where ${where.join(' and ')}
      order by lower(p.family_name), lower(p.given_name), p.id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    total: rows[0]?.total ?? 0,
    people: rows.map((r) => ({
      id: r.id,
      displayName: `${r.preferred_name?.trim() || r.given_name} ${r.family_name}`,
      givenName: r.given_name,
      familyName: r.family_name,
      dateOfBirth: r.date_of_birth,
      serviceId: r.service_id,
      serviceName: r.service_name,
      isMedicationCritical: r.is_medication_critical,
      protocolVersion: r.protocol_version,
      risk: r.risk,
      nextReviewDate: r.next_review_date,
      reviewDue: r.review_reasons.length > 0,
      reviewReasons: r.review_reasons,
      absentNow: r.absent_kind,
    })),
  };
}
