import type { Queryable } from '../port.ts';

/** Known absences (hospital, holiday, respite, staying with family): the engine suspends contacts in them. */
export type AbsenceRow = {
  id: string;
  org_id: string;
  person_id: string;
  kind: 'hospital_admission' | 'holiday' | 'respite' | 'staying_with_family' | 'other';
  starts_at: Date;
  expected_end_at: Date | null;
  ended_at: Date | null;
  note: string;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

/**
 * Absences of a person that overlap [from, to). An absence lasts from starts_at until ended_at
 * when it has ended, else until expected_end_at; one with neither is open-ended. An expected end
 * that has passed with no update still ends the absence (SCENARIOS 3: contacts resume after the
 * expected discharge day even when nobody recorded the return).
 */
export async function findAbsencesOverlapping(db: Queryable, personId: string, from: Date, to: Date): Promise<AbsenceRow[]> {
  return db.query<AbsenceRow>(
    `select * from known_absences
      where person_id = $1 and starts_at < $3
        and coalesce(ended_at, expected_end_at, 'infinity'::timestamptz) > $2
      order by starts_at`,
    [personId, from, to],
  );
}

/** Every absence of a person, latest first. */
export async function listAbsences(db: Queryable, orgId: string, personId: string): Promise<AbsenceRow[]> {
  return db.query<AbsenceRow>('select * from known_absences where org_id = $1 and person_id = $2 order by starts_at desc', [orgId, personId]);
}

export async function findAbsence(db: Queryable, orgId: string, personId: string, id: string): Promise<AbsenceRow | undefined> {
  const [row] = await db.query<AbsenceRow>('select * from known_absences where org_id = $1 and person_id = $2 and id = $3', [orgId, personId, id]);
  return row;
}

export const publicAbsence = (a: AbsenceRow) => ({
  id: a.id,
  personId: a.person_id,
  kind: a.kind,
  startsAt: a.starts_at,
  expectedEndAt: a.expected_end_at,
  endedAt: a.ended_at,
  note: a.note,
  version: a.version,
});
