import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { localTime, weekday, WEEKDAYS, type Weekday } from '../protocol/content.ts';

/**
 * Working hours and the senior review queue (no-response policy §12): out of hours the same
 * thresholds apply, and every decision taken on call is reviewed by senior management —
 * Wellcheck queues it for the next working day. Working hours are the organisation's
 * (settings.workingHours), in Europe/London local time; England and Wales bank holidays are
 * never working days.
 */
export const ZONE = 'Europe/London';

export const workingHoursSchema = z.object({
  days: z.array(weekday).min(1).max(7).default(['mon', 'tue', 'wed', 'thu', 'fri']),
  from: localTime.default('09:00'),
  to: localTime.default('17:00'),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;
export const DEFAULT_WORKING_HOURS: WorkingHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' };

/** Bank holidays as ISO local dates ('2026-12-25'); src/domain/time/bank-holidays.ts ships them. */
export type BankHolidays = { has(date: string): boolean };

const local = (at: Date) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(ZONE);
const weekdayOf = (d: Temporal.PlainDate): Weekday => WEEKDAYS[d.dayOfWeek - 1];

/** A working day: one of the organisation's working weekdays and not a bank holiday. */
export function isWorkingDay(date: Temporal.PlainDate | string, hours: WorkingHours, holidays: BankHolidays): boolean {
  const d = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  return hours.days.includes(weekdayOf(d)) && !holidays.has(d.toString());
}

/** Inside working hours: a working day, from `from` (inclusive) to `to` (exclusive), local time. */
export function isInWorkingHours(at: Date, hours: WorkingHours, holidays: BankHolidays): boolean {
  const z = local(at);
  if (!isWorkingDay(z.toPlainDate(), hours, holidays)) return false;
  const hhmm = z.toPlainTime().toString().slice(0, 5);
  return hhmm >= hours.from && hhmm < hours.to;
}

/**
 * The working day whose review session is the first to start after `at`: before the day's
 * start on a working day → that day; otherwise the next working day. Saturday 23:10 → Monday;
 * Monday a bank holiday → Tuesday (SCENARIOS 8). Returns an ISO local date.
 */
export function nextWorkingDay(at: Date, hours: WorkingHours, holidays: BankHolidays): string {
  const z = local(at);
  let d = z.toPlainDate();
  const hhmm = z.toPlainTime().toString().slice(0, 5);
  if (!(isWorkingDay(d, hours, holidays) && hhmm < hours.from)) d = d.add({ days: 1 });
  for (let i = 0; i < 366 && !isWorkingDay(d, hours, holidays); i++) d = d.add({ days: 1 });
  return d.toString();
}

/** The local date of an instant, for "today's queue". */
export const localDate = (at: Date): string => local(at).toPlainDate().toString();
