import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accumulationPrompt, DEFAULT_ACCUMULATION, parseAccumulationSettings, type EarlierConcern } from './accumulation.ts';

const DAY = 86_400_000;
const now = new Date('2026-11-23T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const earlier = (id: string, days: number, over: Partial<EarlierConcern> = {}): EarlierConcern => ({
  id, raisedAt: ago(days), personIds: ['p1'], allegedStaffIds: [], isLowerLevel: true, ...over,
});
const current = { raisedAt: now, personIds: ['p1'], allegedStaffIds: [] as string[] };

describe('accumulation of lower-level concerns', () => {
  test('the default is 3 concerns in 90 days', () => assert.deepEqual(DEFAULT_ACCUMULATION, { count: 3, windowDays: 90 }));
  const cases: { name: string; list: EarlierConcern[]; prompt: boolean; related?: string[] }[] = [
    { name: 'two earlier within the window make three', list: [earlier('a', 80), earlier('b', 10)], prompt: true, related: ['a', 'b'] },
    { name: 'one earlier is not enough', list: [earlier('a', 10)], prompt: false },
    { name: 'exactly 90 days ago is outside the rolling window', list: [earlier('a', 90), earlier('b', 10)], prompt: false },
    { name: 'just inside 90 days counts', list: [earlier('a', 89.99), earlier('b', 10)], prompt: true, related: ['a', 'b'] },
    { name: 'concerns decided above the threshold do not count', list: [earlier('a', 20, { isLowerLevel: false }), earlier('b', 10)], prompt: false },
    { name: 'other people do not count', list: [earlier('a', 20, { personIds: ['p2'] }), earlier('b', 10)], prompt: false },
    { name: 'later concerns (after this one) do not count', list: [earlier('a', -5), earlier('b', 10)], prompt: false },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const p = accumulationPrompt(current, c.list);
      assert.equal(p.prompt, c.prompt);
      if (c.related) assert.deepEqual(p.related.map((r) => r.concernId), c.related);
      if (c.prompt) assert.match(p.message, /3 lower-level concerns about this person within 90 days/);
    });
  }
  test('the same staff member across different people', () => {
    const list = [earlier('a', 30, { personIds: ['x'], allegedStaffIds: ['s1'] }), earlier('b', 5, { personIds: ['y'], allegedStaffIds: ['s1'] })];
    const p = accumulationPrompt({ raisedAt: now, personIds: ['z'], allegedStaffIds: ['s1'] }, list);
    assert.equal(p.prompt, true);
    assert.deepEqual(p.related.map((r) => r.reasons), [['same_staff_member'], ['same_staff_member']]);
  });
  test('settings: a custom count and window; nonsense falls back to the default', () => {
    assert.equal(accumulationPrompt(current, [earlier('a', 3)], { count: 2, windowDays: 7 }).prompt, true);
    assert.equal(accumulationPrompt(current, [earlier('a', 8)], { count: 2, windowDays: 7 }).prompt, false);
    assert.deepEqual(parseAccumulationSettings({ count: 0, windowDays: 'x' }), DEFAULT_ACCUMULATION);
    assert.deepEqual(parseAccumulationSettings({ count: 4, windowDays: 30 }), { count: 4, windowDays: 30 });
  });
});
