import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_WORKING_HOURS, isInWorkingHours, nextWorkingDay } from './working-time.ts';

// England and Wales 2026: Early May (04/05), Spring (25/05), Christmas (25/12), Boxing Day substitute (28/12).
const holidays = new Set(['2026-05-04', '2026-05-25', '2026-12-25', '2026-12-28']);

test('the next working day for the senior review queue (SCENARIOS 8)', () => {
  const rows: [string, string, string][] = [
    ['2026-11-21T23:10:00Z', '2026-11-23', 'Saturday 23:10 → Monday'],
    ['2026-05-02T22:10:00Z', '2026-05-05', 'Saturday 23:10 BST before the Early May bank holiday → Tuesday'],
    ['2026-05-23T22:10:00Z', '2026-05-26', 'Saturday before the Spring bank holiday → Tuesday'],
    ['2026-11-23T07:00:00Z', '2026-11-23', 'Monday 07:00, before hours → Monday'],
    ['2026-11-23T18:30:00Z', '2026-11-24', 'Monday 18:30, after hours → Tuesday'],
    ['2026-11-27T23:59:00Z', '2026-11-30', 'Friday 23:59 → Monday'],
    ['2026-12-24T20:00:00Z', '2026-12-29', 'Christmas Eve evening → Tuesday 29/12 (25th, weekend and 28th off)'],
  ];
  for (const [at, expected, why] of rows) assert.equal(nextWorkingDay(new Date(at), DEFAULT_WORKING_HOURS, holidays), expected, why);
});

test('working hours are local time on working days, never on a bank holiday', () => {
  const rows: [string, boolean][] = [
    ['2026-11-23T09:00:00Z', true], // Monday 09:00 GMT
    ['2026-11-23T08:59:00Z', false],
    ['2026-11-23T17:00:00Z', false],
    ['2026-06-01T08:30:00Z', true], // 09:30 BST
    ['2026-06-01T16:30:00Z', false], // 17:30 BST
    ['2026-11-21T12:00:00Z', false], // Saturday
    ['2026-05-04T12:00:00Z', false], // bank holiday Monday
  ];
  for (const [at, inHours] of rows) assert.equal(isInWorkingHours(new Date(at), DEFAULT_WORKING_HOURS, holidays), inHours, at);
});
