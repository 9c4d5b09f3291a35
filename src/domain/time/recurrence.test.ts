import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bankHolidaysFrom, dataFileFromFeed, shippedBankHolidays } from './bank-holidays.ts';
import { londonInstant } from './london.ts';
import { instancesBetween, nextInstance, recursOn } from './recurrence.ts';

const holidays = shippedBankHolidays();
const daily = (times: string[], extra: object = {}) => ({
  times, recurrence: { type: 'daily' as const }, windowMinutes: 15, skipOnBankHolidays: false, ...extra,
});
const iso = (d: Date | undefined | null) => d?.toISOString();

describe('clock changes (SCENARIOS 9): one documented rule', () => {
  // 2026: clocks go forward Sunday 29/03 at 01:00 GMT, back Sunday 25/10 at 02:00 BST.
  test('October: 01:30 happens twice; the contact has ONE window, at the earlier (BST) instant', () => {
    const got = instancesBetween(daily(['01:30']), new Date('2026-10-24T12:00:00Z'), new Date('2026-10-26T12:00:00Z'), holidays);
    assert.deepEqual(got.map((i) => iso(i.dueAt)), [
      '2026-10-25T00:30:00.000Z', // 01:30 BST on the day the clocks go back
      '2026-10-26T01:30:00.000Z', // 01:30 GMT next day
    ]);
  });

  test('March: 01:30 does not exist; it moves forward to 02:30 BST, the same day, never skipped', () => {
    const got = instancesBetween(daily(['01:30']), new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z'), holidays);
    assert.deepEqual(got.map((i) => iso(i.dueAt)), [
      '2026-03-29T01:30:00.000Z', // = 02:30 BST
      '2026-03-30T00:30:00.000Z', // 01:30 BST
    ]);
    assert.equal(got[0].localTime, '01:30');
    assert.equal(iso(got[0].closesAt), '2026-03-29T01:45:00.000Z');
  });

  test('March: 01:30 and 02:30 land on the same instant and are one contact, not two', () => {
    const got = instancesBetween(daily(['01:30', '02:30']), new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T12:00:00Z'), holidays);
    assert.deepEqual(got.map((i) => iso(i.dueAt)), ['2026-03-29T01:30:00.000Z']);
  });

  test('the rule itself: repeated hour → earlier instant; missing hour → forward by the gap', () => {
    assert.equal(iso(londonInstant('2026-10-25', '01:59')), '2026-10-25T00:59:00.000Z');
    assert.equal(iso(londonInstant('2026-03-29', '01:00')), '2026-03-29T01:00:00.000Z');
    assert.equal(iso(londonInstant('2026-07-01', '09:00')), '2026-07-01T08:00:00.000Z');
    assert.equal(iso(londonInstant('2026-12-01', '09:00')), '2026-12-01T09:00:00.000Z');
  });
});

describe('recurrences in Europe/London', () => {
  test('daily: the next instance strictly after a given instant, with its window', () => {
    const n = nextInstance(daily(['09:00']), new Date('2026-11-23T09:00:00Z'), holidays)!;
    assert.equal(iso(n.dueAt), '2026-11-24T09:00:00.000Z');
    assert.equal(iso(n.opensAt), '2026-11-24T08:45:00.000Z');
    assert.equal(iso(n.closesAt), '2026-11-24T09:15:00.000Z');
  });

  test('several times a day, in order, whatever order they are written in', () => {
    const got = instancesBetween(daily(['18:00', '08:00', '13:00']), new Date('2026-11-23T00:00:00Z'), new Date('2026-11-24T00:00:00Z'), holidays);
    assert.deepEqual(got.map((i) => i.localTime), ['08:00', '13:00', '18:00']);
  });

  test('chosen weekdays', () => {
    const c = { ...daily(['10:00']), recurrence: { type: 'weekdays' as const, days: ['mon' as const, 'thu' as const] } };
    const got = instancesBetween(c, new Date('2026-11-23T00:00:00Z'), new Date('2026-12-01T00:00:00Z'), holidays);
    assert.deepEqual(got.map((i) => i.localDate), ['2026-11-23', '2026-11-26', '2026-11-30']);
  });

  test('every N days from a start date, and not before it', () => {
    const r = { type: 'every_n_days' as const, n: 3, startDate: '2026-11-25' };
    assert.equal(recursOn(r, '2026-11-22'), false);
    assert.equal(recursOn(r, '2026-11-25'), true);
    assert.equal(recursOn(r, '2026-11-27'), false);
    assert.equal(recursOn(r, '2026-11-28'), true);
    const got = instancesBetween({ ...daily(['12:00']), recurrence: r }, new Date('2026-11-20T00:00:00Z'), new Date('2026-12-02T00:00:00Z'), holidays);
    assert.deepEqual(got.map((i) => i.localDate), ['2026-11-25', '2026-11-28', '2026-12-01']);
  });

  test('a one-off contact happens once and then the schedule ends', () => {
    const c = { ...daily(['14:00']), recurrence: { type: 'once' as const, date: '2026-11-25' } };
    const first = nextInstance(c, new Date('2026-11-23T00:00:00Z'), holidays)!;
    assert.equal(iso(first.dueAt), '2026-11-25T14:00:00.000Z');
    assert.equal(nextInstance(c, first.dueAt, holidays), null);
  });
});

describe('England and Wales bank holidays', () => {
  test('the shipped file covers 2025–2028 with the right Easter dates and substitute days', () => {
    for (const d of ['2025-04-18', '2025-04-21', '2026-04-03', '2026-04-06', '2027-03-26', '2027-03-29', '2028-04-14', '2028-04-17']) {
      assert.ok(holidays.has(d), `${d} should be a bank holiday`);
    }
    // Substitute days: Boxing Day 2026 is a Saturday; Christmas 2027 a Saturday; New Year 2028 a Saturday.
    for (const d of ['2026-12-28', '2027-12-27', '2027-12-28', '2028-01-03']) assert.ok(holidays.has(d), d);
    assert.equal(holidays.has('2026-12-26'), false);
    assert.ok(holidays.lastDate >= '2028-12-26');
    for (const y of ['2025', '2026', '2027', '2028']) assert.equal(holidays.dates.filter((d) => d.startsWith(y)).length, 8, y);
  });

  test('skipOnBankHolidays skips Christmas Day 2026 and keeps the day after', () => {
    const c = daily(['10:00'], { skipOnBankHolidays: true });
    const got = instancesBetween(c, new Date('2026-12-24T12:00:00Z'), new Date('2026-12-30T00:00:00Z'), holidays);
    assert.deepEqual(got.map((i) => i.localDate), ['2026-12-26', '2026-12-27', '2026-12-29']);
    const kept = instancesBetween(daily(['10:00']), new Date('2026-12-24T12:00:00Z'), new Date('2026-12-26T00:00:00Z'), holidays);
    assert.deepEqual(kept.map((i) => i.localDate), ['2026-12-25']);
  });

  test('the refresh reads the official feed format and keeps England and Wales only', () => {
    const file = dataFileFromFeed({
      'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Boxing Day', date: '2029-12-26', notes: '', bunting: true }, { title: 'Christmas Day', date: '2029-12-25' }] },
      scotland: { events: [{ title: 'St Andrew’s Day', date: '2029-11-30' }] },
    });
    assert.deepEqual(file.events.map((e) => e.date), ['2029-12-25', '2029-12-26']);
    assert.equal(bankHolidaysFrom(file.events).has('2029-11-30'), false);
    assert.throws(() => dataFileFromFeed({ scotland: { events: [] } }), /england-and-wales/);
  });
});
