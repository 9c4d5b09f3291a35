/**
 * Sessions: the cookie's flags, sign-out ending the session on the server (not only in the
 * browser), and a deactivated member of staff losing every session at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../../src/demo/organisation.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

for (const kind of dbKinds()) {
  describe(`sessions [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
    });
    after(async () => t?.close());

    /** A fresh sign-in (not the cached one in TestApp), with the raw Set-Cookie header. */
    async function freshSignIn(email: string) {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
      assert.equal(res.statusCode, 200, res.body);
      const cookie = res.cookies.find((c) => c.name === 'wc_session');
      assert.ok(cookie);
      return { res, cookie: `wc_session=${cookie.value}`, csrf: res.json().csrfToken as string, setCookie: String(res.headers['set-cookie']) };
    }
    const sessionsOf = async (email: string) =>
      (await t.db.query<{ n: number }>('select count(*)::int as n from sessions s join staff st on st.id = s.staff_id where st.email = $1', [email]))[0].n;

    test('the session cookie is HttpOnly, SameSite=Strict, path / and expires', async () => {
      const { setCookie } = await freshSignIn('teamleader+a@demo.wellcheck.test');
      assert.match(setCookie, /wc_session=[A-Za-z0-9_-]{40,}/);
      assert.match(setCookie, /HttpOnly/i);
      assert.match(setCookie, /SameSite=Strict/i);
      assert.match(setCookie, /Path=\//);
      assert.match(setCookie, /Max-Age=\d+/);
    });

    test('the database holds only a hash of the session token', async () => {
      const { cookie } = await freshSignIn('coordinator+a@demo.wellcheck.test');
      const token = cookie.slice('wc_session='.length);
      const rows = await t.db.query('select 1 from sessions where token_hash = $1', [token]);
      assert.equal(rows.length, 0);
    });

    test('sign-out deletes the session on the server: the old cookie no longer works', async () => {
      const email = 'agency+a@demo.wellcheck.test';
      const s = await freshSignIn(email);
      const before = await sessionsOf(email);
      const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
      assert.equal(out.statusCode, 200);
      assert.match(String(out.headers['set-cookie']), /wc_session=;/, 'the browser is told to drop the cookie');
      assert.equal(await sessionsOf(email), before - 1);
      const replay = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } });
      assert.equal(replay.statusCode, 401, 'a copy of the cookie kept from before sign-out is refused');
    });

    test('sign-out needs the CSRF token, so another site cannot sign someone out', async () => {
      const s = await freshSignIn('auditor+a@demo.wellcheck.test');
      const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: s.cookie } });
      assert.equal(out.statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } })).statusCode, 200);
    });

    test('deactivating a member of staff ends all their sessions and stops sign-in', async () => {
      const email = 'support+a@demo.wellcheck.test';
      const one = await freshSignIn(email);
      const two = await freshSignIn(email);
      assert.ok((await sessionsOf(email)) >= 2);
      const manager = await t.signIn('registered_manager');
      const id = t.orgA.staffIds.support_worker;
      const current = await t.call(manager, { method: 'GET', url: `/api/staff/${id}` });
      const res = await t.call(manager, { method: 'PATCH', url: `/api/staff/${id}`, payload: { version: current.json().version, isActive: false } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(await sessionsOf(email), 0);
      for (const s of [one, two]) {
        assert.equal((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } })).statusCode, 401);
      }
      const again = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
      assert.equal(again.statusCode, 401);
      const [event] = await t.db.query<{ data: { isActive?: boolean } }>(
        "select data from events where entity_id = $1 and type = 'staff.updated' order by seq desc limit 1", [id],
      );
      assert.equal(event.data.isActive, false, 'the deactivation is in the record');
    });

    test('a password reset ends the member of staff’s sessions', async () => {
      const email = 'healthandsafety+a@demo.wellcheck.test';
      const s = await freshSignIn(email);
      const manager = await t.signIn('registered_manager');
      const res = await t.call(manager, {
        method: 'POST', url: `/api/staff/${t.orgA.staffIds.health_and_safety_officer}/password-reset`,
        payload: { temporaryPassword: 'a temporary password 1' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } })).statusCode, 401);
    });

    test('with a temporary password, nothing but choosing a new one is allowed', async () => {
      const manager = await t.signIn('registered_manager');
      const created = await t.call(manager, {
        method: 'POST', url: '/api/staff',
        payload: { name: 'Tia Reed', email: 'tia@example.test', role: 'team_leader', serviceIds: [t.orgA.serviceIds.scheme], password: 'temporary password 9' },
      });
      assert.equal(created.statusCode, 201);
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'tia@example.test', password: 'temporary password 9' } });
      const tia = { cookie: `wc_session=${res.cookies.find((c) => c.name === 'wc_session')!.value}`, csrf: res.json().csrfToken as string };
      const headers = { cookie: tia.cookie, 'x-csrf-token': tia.csrf };
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/services', headers })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/session', headers })).statusCode, 200);
      const changed = await t.app.inject({
        method: 'POST', url: '/api/session/password', headers,
        payload: { currentPassword: 'temporary password 9', newPassword: 'my own long password' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/services', headers })).statusCode, 200);
    });
  });
}
