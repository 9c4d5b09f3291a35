/**
 * Today's contacts in a real browser: a support worker sees the scheme's contacts with their
 * state, checks one person in, and records "responded, but with concern" for another — the
 * reason is required and shown beside its field; the concern opens an incident.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../support/clock.ts';
import { checkAccessibility, signIn, startBrowserHarness, type BrowserHarness } from '../support/browser.ts';
import { waitFor } from '../support/child-server.ts';

describe("today's contacts in Chromium", () => {
  let h: BrowserHarness;
  before(async () => {
    // Monday 23/11/2026 07:00: the demo people's first contacts of the day are still ahead.
    h = await startBrowserHarness({ clock: new ManualClock('2026-11-23T07:00:00Z'), engine: true });
    await waitFor(async () => (await h.db.query(`select 1 from scheduled_contacts where status = 'due'`)).length >= 4, 'the demo schedules');
  });
  after(async () => h?.close());

  test('check in, and respond with concern (reason required)', async () => {
    const page = await h.newPage();
    await signIn(page, 'support@demo.wellcheck.test');
    await page.goto('/today');
    await page.getByRole('heading', { name: /Today’s contacts/ }).waitFor();
    const amir = page.getByRole('row').filter({ hasText: 'Amir Haddad' });
    assert.match(await amir.innerText(), /Visit 09:00 on 23\/11\/2026[\s\S]*Due/);
    const violations = await checkAccessibility(page);
    assert.deepEqual(violations, [], JSON.stringify(violations));

    await page.getByRole('button', { name: 'Responded: Amir Haddad' }).click();
    await page.getByRole('status').filter({ hasText: 'Amir Haddad: response recorded' }).waitFor();
    await amir.getByText('Responded', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Responded, but with concern: Lena Novak' }).click();
    await page.getByRole('button', { name: 'Record concern and open an incident' }).click();
    await page.getByText('Say what gave you concern').first().waitFor();
    await page.getByLabel('What gave you concern? (required)').fill('Shaky and not sure whether she took her insulin');
    await page.getByRole('button', { name: 'Record concern and open an incident' }).click();
    await page.getByRole('status').filter({ hasText: 'Lena Novak: responded with concern' }).waitFor();
    const [incident] = await h.db.query<{ source: string; stage: number }>(
      `select i.source, i.stage from incidents i join people p on p.id = i.person_id where p.given_name = 'Lena'`);
    assert.deepEqual(incident, { source: 'concern_checkin', stage: 1 });
  });
});
