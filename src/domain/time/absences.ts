import { addDays, londonDate, startOfLondonDay } from './london.ts';

/**
 * Known absences (hospital, holiday, respite, staying with family) suspend planned contacts
 * in their period; they are never silently dropped (DESIGN "Known absence").
 */
export type Absence = {
  id: string;
  kind: string;
  startsAt: Date;
  expectedEndAt: Date | null;
  endedAt: Date | null;
};

/**
 * When the absence stops suspending contacts:
 * - it ended (the person is back): at that instant;
 * - it has an expected end and nobody updated it: at the start of the NEXT local day after
 *   the expected end (SCENARIOS 3: discharge expected Thursday, no update → contacts resume
 *   Friday, and a missed one opens an incident as usual);
 * - open-ended with no expected end: never, until someone records the return.
 */
export function suspensionEndsAt(a: Absence): Date | null {
  if (a.endedAt) return a.endedAt;
  if (a.expectedEndAt) return startOfLondonDay(addDays(londonDate(a.expectedEndAt), 1));
  return null;
}

/** The absence that suspends a contact due at `at`, if any (the earliest-starting one). */
export function absenceCovering(absences: readonly Absence[], at: Date): Absence | undefined {
  const t = at.getTime();
  return [...absences]
    .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime())
    .find((a) => {
      const end = suspensionEndsAt(a);
      return a.startsAt.getTime() <= t && (end === null || t < end.getTime());
    });
}

const KIND_LABELS: Record<string, string> = {
  hospital_admission: 'Hospital admission',
  holiday: 'Holiday',
  respite: 'Respite',
  staying_with_family: 'Staying with family',
  other: 'Known absence',
};

/** Why a contact is suspended, in words for the schedule screen and the record. */
export function suspensionReason(a: Absence): string {
  const label = KIND_LABELS[a.kind] ?? 'Known absence';
  const end = a.endedAt ? 'ended' : a.expectedEndAt ? `expected to end ${londonDate(a.expectedEndAt).split('-').reverse().join('/')}` : 'no end date yet';
  return `${label} from ${londonDate(a.startsAt).split('-').reverse().join('/')} (${end})`;
}
