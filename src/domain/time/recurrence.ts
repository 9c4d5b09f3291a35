import type { ExpectedContact, Recurrence } from '../protocol/content.ts';
import { WEEKDAYS } from '../protocol/content.ts';
import type { BankHolidays } from './bank-holidays.ts';
import { addDays, dayOfWeek, daysBetween, londonDate, londonInstant, type LocalDate } from './london.ts';

/**
 * Expands an expected contact's recurrence into its next instance only (issue 4: no months of
 * rows). Local dates and times are Europe/London; clock changes follow the one rule in
 * london.ts, and because instances are enumerated per local date and time, a repeated
 * hour cannot double a contact and a missing one cannot skip it.
 */

/** One expected response with its window. */
export type ContactInstance = {
  localDate: LocalDate;
  localTime: string;
  dueAt: Date;
  /** A response counts from here (see windowOpensAt). */
  opensAt: Date;
  closesAt: Date;
};

/** How far ahead we look for the next instance; a schedule with none in this span has ended. */
const HORIZON_DAYS = 400;
/** A response may come early by up to the window's length, at most an hour (a visit may start early). */
const EARLY_MAX_MINUTES = 60;
const MINUTE = 60_000;

export function windowOpensAt(dueAt: Date, windowMinutes: number): Date {
  return new Date(dueAt.getTime() - Math.min(windowMinutes, EARLY_MAX_MINUTES) * MINUTE);
}

/** Does the recurrence include this local date (before bank holidays are considered)? */
export function recursOn(r: Recurrence, date: LocalDate): boolean {
  switch (r.type) {
    case 'once':
      return date === r.date;
    case 'daily':
      return true;
    case 'weekdays':
      return r.days.includes(WEEKDAYS[dayOfWeek(date) - 1]);
    case 'every_n_days': {
      const d = daysBetween(r.startDate, date);
      return d >= 0 && d % r.n === 0;
    }
  }
}

/**
 * The first instance of `contact` due strictly after `after`. Null when the schedule has
 * no further instance (a one-off in the past, or nothing within the horizon).
 * Two local times that land on the same instant on the day clocks go forward (01:30 and
 * 02:30 both become 02:30 BST) are one contact, never two.
 */
export function nextInstance(
  contact: Pick<ExpectedContact, 'times' | 'recurrence' | 'windowMinutes' | 'skipOnBankHolidays'>,
  after: Date,
  holidays: BankHolidays,
): ContactInstance | null {
  const times = [...contact.times].sort();
  // Start one day early: a local time on the previous local date can never be after `after`,
  // but starting there keeps the loop simple around midnight.
  let date = addDays(londonDate(after), -1);
  if (contact.recurrence.type === 'once') {
    if (daysBetween(date, contact.recurrence.date) < 0) return null;
  }
  for (let i = 0; i < HORIZON_DAYS; i++, date = addDays(date, 1)) {
    if (!recursOn(contact.recurrence, date)) continue;
    if (contact.skipOnBankHolidays && holidays.has(date)) continue;
    for (const time of times) {
      const dueAt = londonInstant(date, time);
      if (dueAt.getTime() > after.getTime()) {
        return {
          localDate: date, localTime: time, dueAt,
          opensAt: windowOpensAt(dueAt, contact.windowMinutes),
          closesAt: new Date(dueAt.getTime() + contact.windowMinutes * MINUTE),
        };
      }
    }
    if (contact.recurrence.type === 'once' && date >= contact.recurrence.date) return null;
  }
  return null;
}

/** Every instance in [from, to): for the schedule screen and tests, never stored. */
export function instancesBetween(
  contact: Pick<ExpectedContact, 'times' | 'recurrence' | 'windowMinutes' | 'skipOnBankHolidays'>,
  from: Date,
  to: Date,
  holidays: BankHolidays,
  limit = 100,
): ContactInstance[] {
  const out: ContactInstance[] = [];
  let cursor = new Date(from.getTime() - 1);
  for (;;) {
    const next = nextInstance(contact, cursor, holidays);
    if (!next || next.dueAt.getTime() >= to.getTime() || out.length >= limit) return out;
    out.push(next);
    cursor = next.dueAt;
  }
}
