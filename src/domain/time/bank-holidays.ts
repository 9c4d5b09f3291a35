import { z } from 'zod';
import shipped from './bank-holidays-england-and-wales.json' with { type: 'json' };

/**
 * England and Wales bank holidays, from the shipped data file (refreshed by
 * `wellcheck bank-holidays refresh FILE` from a local copy of the official feed).
 * A set of local dates: the rules only ever ask "is this date a bank holiday?".
 */
export type BankHolidays = { has(date: string): boolean; readonly dates: readonly string[]; readonly lastDate: string };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const event = z.object({ title: z.string().min(1), date: isoDate, notes: z.string().optional().default('') });
export type BankHolidayEvent = z.infer<typeof event>;

/** The shipped data file's shape. */
export const bankHolidayFile = z.object({ division: z.literal('england-and-wales'), source: z.string(), events: z.array(event).min(1) });

/** The official feed's shape: one object per division; we take England and Wales only. */
const feed = z.object({ 'england-and-wales': z.object({ events: z.array(event).min(1) }) });

export function bankHolidaysFrom(events: readonly { date: string }[]): BankHolidays {
  const dates = [...new Set(events.map((e) => e.date))].sort();
  const set = new Set(dates);
  return { has: (d) => set.has(d), dates, lastDate: dates[dates.length - 1] ?? '' };
}

/** The holidays shipped with this build. */
export function shippedBankHolidays(): BankHolidays {
  return bankHolidaysFrom(bankHolidayFile.parse(shipped).events);
}

/**
 * Reads the official feed's JSON and returns the data file to write, or throws naming what
 * is wrong. Sorted by date so that the file diffs cleanly between refreshes.
 */
export function dataFileFromFeed(json: unknown): z.infer<typeof bankHolidayFile> {
  const parsed = feed.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Not the bank holidays feed: ${issue.path.join('.') || 'top level'}: ${issue.message}`);
  }
  const events = [...parsed.data['england-and-wales'].events].sort((a, b) => a.date.localeCompare(b.date));
  return {
    division: 'england-and-wales',
    source: 'Built from the published England and Wales bank holidays; refresh with: wellcheck bank-holidays refresh FILE',
    events,
  };
}
