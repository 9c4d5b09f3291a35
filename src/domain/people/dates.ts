/**
 * Dates as people type them (dd/mm/yyyy, the UK way, in spreadsheets and forms) and as the API
 * sends them (yyyy-mm-dd). Both become 'YYYY-MM-DD'; impossible dates (31/02/2026) are refused.
 */
export function parseDateInput(input: string): string | undefined {
  const s = input.trim();
  let y: number, m: number, d: number;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (uk) [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return undefined;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** The calendar date in England at an instant (reviews, dates of birth and absences are local dates). */
export function londonDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Why a date of birth cannot be right, or undefined when it can (born on or before today, after 1900). */
export function dateOfBirthProblem(isoDate: string, today: string): string | undefined {
  if (isoDate > today) return 'The date of birth cannot be in the future';
  if (isoDate < '1900-01-01') return 'Check the year of birth';
  return undefined;
}

/** A protocol review is overdue once its next review date is behind today's date in England. */
export const isReviewOverdue = (nextReviewDate: string, at: Date): boolean => nextReviewDate < londonDate(at);

/** 'YYYY-MM-DD' as dd/mm/yyyy for people to read. */
export const ukDate = (isoDate: string): string => `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
