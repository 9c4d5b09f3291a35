/**
 * Safeguarding in a real browser: a support worker raises a concern with two indicators found by
 * searching the matrix; the safeguarding lead sees the suggestion and its routes, decides to refer,
 * and records the local authority's reference. axe-core checks each screen on the way.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_ORGANISATION } from '../../src/demo/organisation.ts';
import { checkAccessibility, signIn, startBrowserHarness, type BrowserHarness } from '../support/browser.ts';
import { addPerson } from '../support/safeguarding.ts';

const SUPPORT = 'support@demo.wellcheck.test';
const LEAD = 'safeguarding@demo.wellcheck.test';

async function assertAccessible(page: Page, what: string) {
  const violations = await checkAccessibility(page);
  assert.deepEqual(violations, [], `${what}: ${violations.map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`).join('; ')}`);
}

describe('safeguarding in Chromium', () => {
  let h: BrowserHarness;
  let personName: string;
  before(async () => {
    h = await startBrowserHarness();
    const [org] = await h.db.query<{ id: string }>('select id from organisations where name = $1', [DEMO_ORGANISATION]);
    const [scheme] = await h.db.query<{ id: string }>("select id from services where org_id = $1 and kind = 'supported_living'", [org.id]);
    // The demo people may not be loaded (DEMO_EXTRAS); a person of the support worker's scheme is all the test needs.
    const [existing] = await h.db.query<{ given_name: string; family_name: string }>(
      'select given_name, family_name from people where org_id = $1 and service_id = $2 order by family_name limit 1', [org.id, scheme.id]);
    if (existing) personName = `${existing.given_name} ${existing.family_name}`;
    else {
      await addPerson(h.db, org.id, scheme.id, 'Winifred', 'Ashdown');
      personName = 'Winifred Ashdown';
    }
  });
  after(async () => h?.close());

  test('a support worker raises a concern; the lead sees the suggestion and routes, refers, and records the reference', async () => {
    const worker = await h.newPage();
    await signIn(worker, SUPPORT);
    await worker.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safeguarding' }).click();
    await worker.getByRole('link', { name: 'Raise a concern' }).click();
    await worker.getByRole('heading', { name: 'Raise a safeguarding concern' }).waitFor();

    await worker.getByLabel('Find a person by name').fill(personName.split(' ')[1]);
    await worker.getByRole('button', { name: `Add ${personName}` }).click();
    await worker.getByTestId('chosen-people').filter({ hasText: personName }).waitFor();

    // Two indicators, each found through the search; their columns are shown in words.
    await worker.getByLabel('Search indicators').fill('borrowing or using');
    const borrowing = worker.locator('[data-indicator="financial.s42.8"]');
    await borrowing.check();
    assert.match(await worker.locator('label[for="ind-financial.s42.8"]').innerText(), /Consider a section 42 enquiry/);
    await worker.getByLabel('Search indicators').fill('rudely');
    await worker.locator('[data-indicator="psychological.ll.1"]').check();
    assert.match(await worker.locator('label[for="ind-psychological.ll.1"]').innerText(), /Lower-level concern/);
    await worker.getByLabel('Search indicators').fill('');
    await worker.getByText(/indicators shown · 2 chosen/).waitFor();

    await worker.getByLabel('Describe what happened or what you noticed').fill('A worker used her bank card at the shop without asking her, and spoke to her rudely when she asked for it back.');
    await worker.getByLabel('Alleged to have caused harm').selectOption('staff_member');
    await worker.getByLabel('Which member of staff').selectOption({ label: 'Ola Nowak' });
    await worker.locator('#crime-yes').check();
    await worker.locator('#children-no').check();
    await worker.locator('#capacity-has').check();
    await worker.locator('#risk-medium').check();
    await worker.getByLabel('What does the person want to happen?').fill('She wants her money back and that worker not to visit again.');
    await worker.getByLabel('What did you do straight away to keep people safe?').fill('Took the card back to her and told the team leader.');
    await worker.getByTestId('suggested-outcome').filter({ hasText: 'Consider a section 42 enquiry' }).waitFor();
    await assertAccessible(worker, 'raise a concern');
    await worker.getByRole('button', { name: 'Raise the concern' }).click();
    await worker.getByText('Concern raised.').waitFor();
    const concernUrl = new URL(worker.url()).pathname;
    assert.match(concernUrl, /^\/safeguarding\/concerns\/[0-9a-f-]{36}$/);

    const lead = await h.newPage();
    await signIn(lead, LEAD);
    await lead.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safeguarding' }).click();
    const awaiting = lead.getByTestId('queue-awaiting');
    await awaiting.getByText(personName).waitFor();
    await assertAccessible(lead, 'safeguarding queue');
    await awaiting.locator(`a[href="${concernUrl}"]`).click();

    await lead.getByTestId('suggested-outcome').filter({ hasText: 'Consider a section 42 enquiry' }).waitFor();
    const routes = lead.getByTestId('routes');
    assert.match(await routes.locator('[data-route="police"]').innerText(), /Talk to the police/);
    assert.match(await routes.locator('[data-route="police"]').innerText(), /possibly a crime/);
    await assertAccessible(lead, 'concern page');

    await lead.locator('#decision-outcome-refer').check();
    await lead.getByTestId('departure-note').filter({ hasText: 'This follows the suggestion.' }).waitFor();
    await lead.getByLabel('Rationale').fill('Use of a bank card without consent by a worker: a possible crime and a section 42 matter.');
    await lead.getByLabel('Local authority', { exact: true }).fill('Leicestershire County Council');
    await lead.getByLabel('How it was made').selectOption('phone');
    await lead.getByRole('button', { name: 'Record the decision' }).click();
    await lead.getByTestId('concern-status').filter({ hasText: 'Referred to the local authority' }).waitFor();

    await lead.getByLabel("Local authority's reference").fill('ASC-2026-1187');
    await lead.locator('#track-enquiry-yes').check();
    await lead.getByRole('button', { name: 'Save the referral' }).click();
    await lead.getByTestId('referral-reference').filter({ hasText: 'ASC-2026-1187' }).waitFor();
    await assertAccessible(lead, 'concern page after referral');

    const concernId = concernUrl.split('/').pop()!;
    const [referral] = await h.db.query<{ reference: string; local_authority: string; enquiry_opened: string }>(
      'select reference, local_authority, enquiry_opened from safeguarding_referrals where concern_id = $1', [concernId]);
    assert.deepEqual(referral, { reference: 'ASC-2026-1187', local_authority: 'Leicestershire County Council', enquiry_opened: 'yes' });
    const [concern] = await h.db.query<{ indicator_ids: string[] }>('select indicator_ids from safeguarding_concerns where id = $1', [concernId]);
    assert.deepEqual([...concern.indicator_ids].sort(), ['financial.s42.8', 'psychological.ll.1']);
    const viewed = await h.db.query("select 1 from access_log where entity_type = 'concern' and entity_id = $1", [concernId]);
    assert.ok(viewed.length >= 2, 'each view of the concern is logged');
  });
});
