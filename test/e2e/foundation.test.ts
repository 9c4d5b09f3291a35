/**
 * The foundation in a real browser: sign-in, a shell that fits the role, the administration
 * area, the forced password change, and axe-core on each of those pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkAccessibility, signIn, startBrowserHarness, type BrowserHarness } from '../support/browser.ts';

const MANAGER = 'manager@demo.wellcheck.test';
const SUPPORT = 'support@demo.wellcheck.test';

/** Asserts axe-core finds no serious or critical violation, naming them if it does. */
async function assertAccessible(page: Page, what: string) {
  const violations = await checkAccessibility(page);
  assert.deepEqual(violations, [], `${what}: ${violations.map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`).join('; ')}`);
}

describe('foundation in Chromium', () => {
  let h: BrowserHarness;
  before(async () => {
    h = await startBrowserHarness();
  });
  after(async () => h?.close());

  test('the accessibility check finds a real problem when there is one', async () => {
    // Guards the harness: an unlabelled input is a critical violation, so an empty result
    // elsewhere means the pages are clean, not that axe did not run.
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Wellcheck' }).waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('input')));
    const violations = await checkAccessibility(page);
    assert.ok(violations.some((v) => v.id === 'label' && v.impact === 'critical'), JSON.stringify(violations));
  });

  test('sign-in page: accessible, and a wrong password is refused with a message', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Wellcheck' }).waitFor();
    await assertAccessible(page, 'sign-in page');
    await page.getByLabel('Email address').fill(MANAGER);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is not right' }).waitFor();
    await assertAccessible(page, 'sign-in page with an error');
  });

  test('keyboard only: sign in, skip to content, reach Administration', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Wellcheck' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
    await page.keyboard.type(MANAGER);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wellcheck-demo-2026');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
    // Tab through the header to the Administration link and follow it with Enter.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Administration') break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Administration');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows where focus is');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  });

  test('the registered manager signs in and sees the shell with Administration', async () => {
    const page = await h.newPage();
    await signIn(page, MANAGER);
    await page.getByRole('heading', { level: 1, name: 'Hello, Rachel Moss' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Administration' }).count(), 1);
    assert.equal(await nav.getByRole('link', { name: 'Audit' }).count(), 1);
    await assertAccessible(page, 'home page (registered manager)');

    await nav.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await assertAccessible(page, 'administration');
    for (const [link, heading] of [['Staff', 'Staff'], ['Services', 'Services'], ['Integration tokens', 'Integration tokens']]) {
      await page.goto('/administration');
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('table').or(page.getByText('No tokens yet.')).first().waitFor();
      await assertAccessible(page, `administration: ${heading}`);
    }
  });

  test('a support worker sees less: no Administration, and its page says not allowed', async () => {
    const page = await h.newPage();
    await signIn(page, SUPPORT);
    await page.getByRole('heading', { level: 1, name: 'Hello, Grace Mensah' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Home' }).count(), 1);
    assert.equal(await nav.getByRole('link', { name: 'Administration' }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Audit' }).count(), 0);
    await assertAccessible(page, 'home page (support worker)');
    for (const path of ['/administration', '/administration/staff', '/audit']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: 'You cannot see this page' }).waitFor();
      assert.equal(await page.getByRole('table').count(), 0, `${path} shows no data`);
    }
    await assertAccessible(page, 'not allowed page');
  });

  test('the registered manager adds a member of staff, who must then choose a password', async () => {
    const page = await h.newPage();
    await signIn(page, MANAGER);
    await page.goto('/administration/staff/new');
    await page.getByRole('heading', { level: 1, name: 'Add a member of staff' }).waitFor();
    await assertAccessible(page, 'add a member of staff');

    // A mistake is shown beside the field the server names, and in the summary.
    await page.getByLabel('Full name').fill('Nia Brooks');
    await page.getByLabel('Email address').fill('nia.brooks@demo.wellcheck.test');
    await page.getByLabel('Role').selectOption({ label: 'Support worker' });
    await page.getByLabel('Riverside Court supported living').check();
    await page.getByLabel('Temporary password').fill('too short');
    await page.getByRole('button', { name: 'Add member of staff' }).click();
    await page.locator('#staff-password-error').filter({ hasText: 'at least 12 characters' }).waitFor();
    await page.getByRole('alert').getByRole('link', { name: /at least 12 characters/ }).waitFor();
    await assertAccessible(page, 'add a member of staff, with an error');

    await page.getByLabel('Temporary password').fill('first day password 42');
    await page.getByRole('button', { name: 'Add member of staff' }).click();
    await page.getByRole('status').filter({ hasText: 'Nia Brooks was added' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'nia.brooks@demo.wellcheck.test' });
    assert.match(await row.innerText(), /Support worker/);
    assert.match(await row.innerText(), /Riverside Court supported living/);
    assert.match(await row.innerText(), /Must change password/);
    const [stored] = await h.db.query<{ role: string }>("select role from staff where email = 'nia.brooks@demo.wellcheck.test'");
    assert.equal(stored.role, 'support_worker');

    // Nia signs in with the temporary password and is sent to choose her own first.
    const nia = await h.newPage();
    await signIn(nia, 'nia.brooks@demo.wellcheck.test', 'first day password 42');
    await nia.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
    assert.equal(new URL(nia.url()).pathname, '/account/password');
    await nia.goto('/');
    await nia.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
    await assertAccessible(nia, 'change password (forced)');
    await nia.getByLabel('Temporary password').fill('first day password 42');
    await nia.getByLabel('New password', { exact: true }).fill('kettle harbour violet 7');
    await nia.getByLabel('New password again').fill('kettle harbour violet 7');
    await nia.getByRole('button', { name: 'Change password' }).click();
    await nia.getByRole('status').filter({ hasText: 'Your password was changed' }).waitFor();
    await nia.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await nia.getByRole('heading', { level: 1, name: 'Hello, Nia Brooks' }).waitFor();
  });

  test('the registered manager adds, renames and deactivates a service, and issues and revokes a token', async () => {
    const page = await h.newPage();
    await signIn(page, MANAGER);
    await page.goto('/administration/services');
    await page.getByLabel('Service name').fill('Eastside outreach');
    await page.getByLabel('Kind of service').selectOption({ label: 'Outreach' });
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.getByRole('status').filter({ hasText: 'Eastside outreach was added.' }).waitFor();
    await page.getByRole('button', { name: 'Rename Eastside outreach' }).click();
    await page.getByLabel('New name for Eastside outreach').fill('Eastside outreach team');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Renamed to Eastside outreach team.' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate Eastside outreach team' }).click();
    await page.getByRole('row').filter({ hasText: 'Eastside outreach team' }).getByText('Inactive').waitFor();
    const [svc] = await h.db.query<{ name: string; is_active: boolean }>("select name, is_active from services where name like 'Eastside%'");
    assert.deepEqual(svc, { name: 'Eastside outreach team', is_active: false });

    // A duplicate name is refused beside the name field.
    await page.getByLabel('Service name').fill('North community team');
    await page.getByRole('button', { name: 'Add service' }).click();
    await page.locator('#service-name-error').filter({ hasText: 'already exists' }).waitFor();

    await page.goto('/administration/api-tokens');
    await page.getByLabel('What is it for?').fill('Telecare hub');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const secret = (await page.locator('.wc-secret').innerText()).trim();
    assert.match(secret, /^wct_[A-Za-z0-9_-]{40,}$/);
    const [stored] = await h.db.query<{ token_hash: string }>("select token_hash from api_tokens where name = 'Telecare hub'");
    assert.notEqual(stored.token_hash, secret, 'only a hash is stored');
    await assertAccessible(page, 'integration tokens with a new secret');
    await page.reload();
    await page.getByRole('cell', { name: 'Telecare hub', exact: true }).waitFor();
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is shown once');
    await page.getByRole('button', { name: 'Revoke Telecare hub' }).click();
    await page.getByRole('status').filter({ hasText: 'Telecare hub was revoked' }).waitFor();
    const [revoked] = await h.db.query<{ revoked_at: Date | null }>("select revoked_at from api_tokens where name = 'Telecare hub'");
    assert.ok(revoked.revoked_at);
  });

  test('read-only administration for the data protection officer, until they are deactivated', async () => {
    const page = await h.newPage();
    await signIn(page, 'dpo@demo.wellcheck.test');
    await page.goto('/administration/staff');
    await page.getByRole('cell', { name: 'Rachel Moss' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Add a member of staff' }).count(), 0);
    await page.getByRole('link', { name: 'Grace Mensah' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grace Mensah' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save changes' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Reset password' }).count(), 0);

    // The director deactivates the DPO's account; their open page goes back to sign-in on
    // its next request, because the server ended every session of theirs.
    const director = await h.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'director@demo.wellcheck.test', password: 'wellcheck-demo-2026' } });
    const cookie = director.cookies.find((c) => c.name === 'wc_session')!;
    const [dpo] = await h.db.query<{ id: string; version: number }>("select id, version from staff where email = 'dpo@demo.wellcheck.test'");
    const res = await h.app.inject({
      method: 'PATCH', url: `/api/staff/${dpo.id}`, payload: { version: dpo.version, isActive: false },
      headers: { cookie: `wc_session=${cookie.value}`, 'x-csrf-token': director.json().csrfToken },
    });
    assert.equal(res.statusCode, 200);
    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Wellcheck' }).waitFor();
  });

  test('two managers edit the same member of staff: the later save is told to reload', async () => {
    const page = await h.newPage();
    await signIn(page, MANAGER);
    await page.goto('/administration/staff');
    await page.getByRole('link', { name: 'Ola Nowak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ola Nowak' }).waitFor();
    await assertAccessible(page, 'edit a member of staff');

    // Meanwhile the director changes Ola's phone number through the API.
    const director = await h.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'director@demo.wellcheck.test', password: 'wellcheck-demo-2026' } });
    const cookie = director.cookies.find((c) => c.name === 'wc_session')!;
    const [ola] = await h.db.query<{ id: string; version: number }>("select id, version from staff where email = 'agency@demo.wellcheck.test'");
    const patched = await h.app.inject({
      method: 'PATCH', url: `/api/staff/${ola.id}`, payload: { version: ola.version, phone: '07700 900999' },
      headers: { cookie: `wc_session=${cookie.value}`, 'x-csrf-token': director.json().csrfToken },
    });
    assert.equal(patched.statusCode, 200);

    await page.getByLabel('Role').selectOption({ label: 'Support worker' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else changed this member of staff' }).waitFor();
    const [unchanged] = await h.db.query<{ role: string }>('select role from staff where id = $1', [ola.id]);
    assert.equal(unchanged.role, 'agency_worker', 'the stale save changed nothing');
    await page.getByRole('button', { name: 'Reload' }).click();
    assert.equal(await page.getByLabel('Mobile phone (optional)').inputValue(), '07700 900999');
  });

  test('the audit page lists recent events, verifies the chain and names a changed event', async () => {
    const page = await h.newPage();
    await signIn(page, MANAGER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
    await page.getByRole('cell', { name: 'staff.signed_in' }).first().waitFor();
    await page.getByRole('button', { name: 'Verify the record' }).click();
    await page.getByText(/Intact\. All \d+ events were checked/).waitFor();
    await assertAccessible(page, 'audit');

    // Edit one event behind Wellcheck's back: the page names it. Then put it back as it was.
    const [event] = await h.db.query<{ org_id: string; seq: number; id: string; data: unknown }>(
      "select e.org_id, e.seq, e.id, e.data from events e join staff s on s.org_id = e.org_id where s.email = $1 and e.type = 'service.created' order by e.seq limit 1",
      [MANAGER],
    );
    const rewrite = (data: unknown) => h.db.transaction(async (tx) => {
      await tx.exec('set local session_replication_role = replica');
      await tx.query('update events set data = $3 where org_id = $1 and seq = $2', [event.org_id, event.seq, JSON.stringify(data)]);
    });
    await rewrite({ ...(event.data as object), name: 'Renamed in secret' });
    try {
      await page.getByRole('button', { name: 'Verify the record' }).click();
      await page.getByText(`Broken. Event ${event.seq} (${event.id})`).waitFor();
      await assertAccessible(page, 'audit with a broken record');
    } finally {
      await rewrite(event.data);
    }
    await page.getByRole('button', { name: 'Verify the record' }).click();
    await page.getByText(/Intact\. All \d+ events were checked/).waitFor();
  });
});
