import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { refreshBankHolidays } from './refresh-bank-holidays.ts';

test('refresh rewrites the data file from a local copy of the feed, and refuses anything else', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bh-'));
  const feed = join(dir, 'feed.json');
  const target = join(dir, 'out.json');
  writeFileSync(feed, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'Christmas Day', date: '2029-12-25', notes: '', bunting: true }] }, scotland: { events: [] } }));
  const lines: string[] = [];
  assert.equal(await refreshBankHolidays([feed], (l) => lines.push(l), target), 0);
  assert.deepEqual(JSON.parse(readFileSync(target, 'utf8')).events, [{ title: 'Christmas Day', date: '2029-12-25', notes: '' }]);
  writeFileSync(feed, '{"scotland": {"events": []}}');
  await assert.rejects(refreshBankHolidays([feed], () => undefined, target), /england-and-wales/);
  assert.equal(await refreshBankHolidays([], () => undefined, target), 2);
});
