import { Temporal } from 'temporal-polyfill';

/**
 * Europe/London local time ↔ UTC instants, with ONE rule for the two clock changes
 * (CONVENTIONS "Time", SCENARIOS 9):
 *
 * - Clocks go back (last Sunday of October, 01:00–01:59 happens twice): a local time in
 *   the repeated hour means its EARLIER instant (the BST one). A daily 01:30 contact therefore
 *   has one window that day, not two.
 * - Clocks go forward (last Sunday of March, 01:00–01:59 does not exist): a local time in the
 *   missing hour moves FORWARD by the length of the gap, so 01:30 becomes 02:30 BST. The
 *   contact still happens that day, one hour later by the wall clock, never skipped.
 *
 * This is Temporal's 'compatible' disambiguation; it is written out here so that the rule
 * is ours, not a library default, and the tests in london.test.ts pin it.
 */
export const LONDON = 'Europe/London';

export type LocalDate = string; // 'YYYY-MM-DD'
export type LocalTime = string; // 'HH:MM'

/** The UTC instant of a Europe/London local date and time, under the rule above. */
export function londonInstant(date: LocalDate, time: LocalTime): Date {
  const pdt = Temporal.PlainDateTime.from(`${date}T${time}`);
  const zdt = pdt.toZonedDateTime(LONDON, { disambiguation: 'compatible' });
  return new Date(zdt.epochMilliseconds);
}

/** The Europe/London local date of an instant. */
export function londonDate(at: Date): LocalDate {
  return zoned(at).toPlainDate().toString();
}

/** The Europe/London local time (HH:MM) of an instant. */
export function londonTime(at: Date): LocalTime {
  return zoned(at).toPlainTime().toString({ smallestUnit: 'minute' });
}

/** ISO day of week of a local date: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: LocalDate): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Temporal.PlainDate.from(a).until(Temporal.PlainDate.from(b), { largestUnit: 'days' }).days;
}

/** The first instant of a local date (midnight is never inside a UK clock change). */
export function startOfLondonDay(date: LocalDate): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: LONDON }).epochMilliseconds);
}

const zoned = (at: Date) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(LONDON);
