import type { Queryable } from '../port.ts';

/** Why a protocol review is due (no-response policy §10: reviewed after each of these). */
export const REVIEW_REASONS = ['date_passed', 'significant_incident', 'change_in_needs', 'safeguarding_concern', 'pattern_of_non_response'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export type ReviewFlagRow = {
  id: string;
  org_id: string;
  person_id: string;
  reason: ReviewReason;
  source_id: string | null;
  note: string;
  raised_at: Date;
  cleared_at: Date | null;
  cleared_by_version: number | null;
};

/** Open review flags of a person (a review is due while there is one). */
export async function listOpenReviewFlags(db: Queryable, orgId: string, personId: string): Promise<ReviewFlagRow[]> {
  return db.query<ReviewFlagRow>(
    'select * from protocol_review_flags where org_id = $1 and person_id = $2 and cleared_at is null order by raised_at',
    [orgId, personId],
  );
}

export const publicReviewFlag = (f: ReviewFlagRow) => ({
  id: f.id,
  reason: f.reason,
  sourceId: f.source_id,
  note: f.note,
  raisedAt: f.raised_at,
  clearedAt: f.cleared_at,
  clearedByVersion: f.cleared_by_version,
});
