import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkClosure, closureSchema } from './closure.ts';

test('closure outcomes: not at home needs who confirmed; missing needs the police referral', () => {
  const rationale = 'Reached by phone, at her daughter\'s, well.';
  const rows: [Record<string, unknown>, string[], string | null][] = [
    [{ outcome: 'safe_and_well', rationale }, [], null],
    [{ outcome: 'not_at_home_whereabouts_confirmed', rationale }, [], 'whereaboutsConfirmedBy'],
    [{ outcome: 'not_at_home_whereabouts_confirmed', rationale, whereaboutsConfirmedBy: '  ' }, [], 'whereaboutsConfirmedBy'],
    [{ outcome: 'not_at_home_whereabouts_confirmed', rationale, whereaboutsConfirmedBy: 'Daughter, by phone' }, [], null],
    [{ outcome: 'missing_reported_to_police', rationale }, [], 'outcome'],
    [{ outcome: 'missing_reported_to_police', rationale }, ['CAD 1234'], null],
  ];
  for (const [input, refs, field] of rows) {
    const r = checkClosure(closureSchema.parse(input), refs);
    assert.equal(r.ok ? null : r.field, field, JSON.stringify(input));
  }
  assert.equal(closureSchema.safeParse({ outcome: 'safe_and_well', rationale: 'ok' }).success, false);
  assert.equal(closureSchema.safeParse({ outcome: 'gone', rationale }).success, false);
});
