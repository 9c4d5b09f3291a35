/**
 * People and their protocols in a real browser (issue 3 acceptance): a team leader adds a person
 * with two contacts (one without consent), writes a protocol, edits it and sees both versions
 * side by side; a support worker of another service cannot open that person.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createStaff } from '../../src/app/administration/create-staff.ts';
import { DEMO_PASSWORD } from '../../src/demo/organisation.ts';
import { peopleCsv } from '../support/people-csv.ts';
import { checkAccessibility, signIn, startBrowserHarness, type BrowserHarness } from '../support/browser.ts';

const LEADER = 'teamleader@demo.wellcheck.test';
const OUTREACH_WORKER = 'outreach.worker@demo.wellcheck.test';

async function assertAccessible(page: Page, what: string) {
  const violations = await checkAccessibility(page);
  assert.deepEqual(violations, [], `${what}: ${violations.map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`).join('; ')}`);
}

describe('people and protocols in Chromium', () => {
  let h: BrowserHarness;
  let personUrl = '';
  before(async () => {
    h = await startBrowserHarness();
    // A support worker of the community team only (the person will be in the supported-living scheme).
    const [org] = await h.db.query<{ id: string }>('select id from organisations limit 1');
    const [community] = await h.db.query<{ id: string }>("select id from services where org_id = $1 and kind = 'community_team'", [org.id]);
    await createStaff(h.deps, { kind: 'system', orgId: org.id }, {
      name: 'Olu Adeyemi', email: OUTREACH_WORKER, role: 'support_worker', serviceIds: [community.id], password: DEMO_PASSWORD, phone: null,
    }, { mustChangePassword: false });
  });
  after(async () => h?.close());

  test('a team leader adds a person with two contacts, writes a protocol, edits it and compares the versions', async () => {
    const page = await h.newPage();
    await signIn(page, LEADER);
    await page.getByRole('link', { name: 'People', exact: true }).first().click();
    await page.getByRole('heading', { name: 'People supported' }).waitFor();
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByRole('heading', { name: 'Add a person' }).waitFor();
    await page.getByLabel('Service').selectOption({ label: 'Riverside Court supported living' });
    await page.getByLabel('Given name').fill('Nadia');
    await page.getByLabel('Family name').fill('Rahman');
    await page.getByLabel('Date of birth').fill('05/06/1979');
    await page.getByLabel('NHS number (optional)').fill('999 246 9128');
    await page.getByLabel('Postcode').fill('ls6 2ab');
    await page.getByRole('button', { name: 'Add person' }).click();
    // The bad check digit is named beside the field, and nothing is saved.
    await page.locator('#person-nhsNumber-error').filter({ hasText: 'check digit' }).waitFor();
    await assertAccessible(page, 'add person with an error');
    await page.getByLabel('NHS number (optional)').fill('999 246 9129');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { name: 'Nadia Rahman' }).waitFor();
    personUrl = new URL(page.url()).pathname;

    const addContact = async (name: string, kind: string, phone: string, consent: boolean) => {
      await page.getByRole('button', { name: 'Add a contact' }).click();
      await page.getByLabel('Who they are').selectOption({ label: kind });
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Phone').fill(phone);
      if (consent) await page.getByLabel('The person consents to this contact being contacted').check();
      await page.getByLabel('May be contacted from').selectOption('4');
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByRole('status').filter({ hasText: `${name} added.` }).waitFor();
    };
    await addContact('Sam Jones', 'Neighbour', '07700 900201', true);
    await addContact('Farah Rahman', 'Family', '07700 900202', false);
    const rows = page.locator('#contacts-heading + * tbody tr, section[aria-labelledby="contacts-heading"] tbody tr');
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(1).innerText(), /Farah Rahman[\s\S]*No — do not contact/);
    await assertAccessible(page, 'person page');

    await page.getByRole('link', { name: 'Write protocol' }).click();
    await page.getByRole('heading', { name: /Write protocol/ }).waitFor();
    await page.getByLabel('Assessed risk level').selectOption('high');
    await page.getByLabel('Factors behind it').fill('Epilepsy\nLives alone');
    await page.getByLabel('How they took part').fill('Wrote it with Nadia');
    await page.getByLabel('Their wishes').fill('Text me first');
    await page.getByLabel('Next review date').fill('31/02/2027');
    await page.getByLabel('Why is the protocol changing?').fill('First protocol');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await page.locator('#pe-content-nextReviewDate-error').filter({ hasText: 'Enter a real date' }).waitFor();
    await page.getByLabel('Next review date').fill('01/05/2027');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await page.getByRole('heading', { name: 'Nadia Rahman' }).waitFor();
    await page.getByText('Version 1.', { exact: false }).first().waitFor();

    await page.getByRole('link', { name: 'Edit protocol' }).click();
    await page.getByRole('heading', { name: /Edit protocol \(now version 1\)/ }).waitFor();
    await assertAccessible(page, 'protocol editor');
    await page.getByLabel('Response window (minutes)').fill('10');
    await page.getByLabel('Why is the protocol changing?').fill('Seizures more frequent: shorter window');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByRole('heading', { name: 'Nadia Rahman' }).waitFor();
    await page.getByRole('button', { name: 'Compare side by side' }).click();
    await page.getByRole('heading', { name: 'Protocol versions 1 and 2 side by side' }).waitFor();
    const changed = page.getByRole('row', { name: /Expected contacts and response windows/ });
    const text = await changed.innerText();
    assert.match(text, /Changed/);
    assert.match(text, /window 15 min/);
    assert.match(text, /window 10 min/);
    const unchanged = await page.getByRole('row', { name: /^Risk level/ }).innerText();
    assert.doesNotMatch(unchanged, /Changed/);
    assert.match(await page.locator('thead').innerText(), /Seizures more frequent: shorter window/);
    await assertAccessible(page, 'version comparison');
  });

  test('a support worker of another service cannot open that person', async () => {
    assert.ok(personUrl, 'the first test created the person');
    const page = await h.newPage();
    await signIn(page, OUTREACH_WORKER);
    await page.goto(personUrl);
    await page.getByRole('alert').filter({ hasText: 'This person is not in your services.' }).waitFor();
    assert.equal(await page.getByText('Nadia Rahman').count(), 0);
    const api = await page.request.get(`/api${personUrl}`);
    assert.equal(api.status(), 404);
    await page.goto('/people?q=rahman');
    await page.getByRole('status').filter({ hasText: '0 people' }).waitFor();
    await assertAccessible(page, 'people list');
  });

  test('a registered manager uploads a spreadsheet: a bad row is named and nothing is imported', async () => {
    const page = await h.newPage();
    await signIn(page, 'manager@demo.wellcheck.test');
    await page.goto('/people/import');
    await page.getByRole('heading', { name: 'Import people from a spreadsheet' }).waitFor();
    const csv = peopleCsv(5, 'Riverside Court supported living', { 2: (l) => l.replace('LS1 4AP', 'LS1 4') });
    await page.setInputFiles('#import-file', { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nothing imported: 1 row with problems' }).waitFor();
    assert.match(await page.getByRole('table', { name: 'Rows with problems' }).innerText(), /4\s+postcode\s+Enter a UK postcode/);
    await assertAccessible(page, 'import with a bad row');
    const [{ n }] = await h.db.query<{ n: number }>("select count(*)::int as n from people where external_ref like 'P0000%'");
    assert.equal(n, 0);
    await page.getByLabel('Skip bad rows and import the rest').check();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: '4 added, 0 updated, 0 unchanged; bad rows skipped (lines 4)' }).waitFor();
  });
});
