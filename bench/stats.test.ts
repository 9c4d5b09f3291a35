import assert from 'node:assert/strict';
import { test } from 'node:test';
import { round } from './stats.ts';

test('round keeps the places asked for and null for missing figures', () => {
  assert.equal(round(1.26), 1.3);
  assert.equal(round(0.6049, 2), 0.6);
  assert.equal(round(undefined), null);
  assert.equal(round(NaN), null);
  assert.equal(round(Infinity), null);
});
