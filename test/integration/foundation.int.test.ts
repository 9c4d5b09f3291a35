import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyChain } from '../../src/db/events.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

for (const kind of dbKinds()) {
  describe(`foundation [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
    });
    after(async () => t?.close());

    test('sign in, see who I am, sign out', async () => {
      const s = await t.signIn('registered_manager');
      const me = await t.call(s, { method: 'GET', url: '/api/session' });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().staff.role, 'registered_manager');
      assert.ok(me.json().actions.includes('admin.manage'));
    });

    test('a wrong password is refused with 401 and repeated failures are throttled', async () => {
      const email = 'support+b@demo.wellcheck.test';
      for (let i = 0; i < 5; i++) {
        const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'not the password' } });
        assert.equal(res.statusCode, 401);
      }
      const blocked = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: 'wellcheck-demo-2026' } });
      assert.equal(blocked.statusCode, 429);
    });

    test('a write with the session cookie but no CSRF token is refused', async () => {
      const s = await t.signIn('registered_manager');
      const res = await t.app.inject({
        method: 'POST', url: '/api/services', headers: { cookie: s.cookie }, payload: { name: 'No token', kind: 'outreach' },
      });
      assert.equal(res.statusCode, 403);
      assert.match(res.json().error.message, /CSRF/);
    });

    test('a malformed request gets 400 naming the field and changes nothing', async () => {
      const s = await t.signIn('registered_manager');
      const before = await t.db.query<{ n: number }>('select count(*)::int as n from staff');
      const eventsBefore = await t.db.query<{ n: number }>('select count(*)::int as n from events');
      const res = await t.call(s, {
        method: 'POST', url: '/api/staff',
        payload: { name: 'New Person', email: 'not-an-email', role: 'support_worker', serviceIds: [], password: 'a long enough password' },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.field, 'email');
      const bad = await t.call(s, {
        method: 'POST', url: '/api/staff',
        payload: { name: 'New Person', email: 'new@example.test', role: 'wizard', serviceIds: [], password: 'a long enough password' },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.field, 'role');
      const after = await t.db.query<{ n: number }>('select count(*)::int as n from staff');
      const eventsAfter = await t.db.query<{ n: number }>('select count(*)::int as n from events');
      assert.equal(after[0].n, before[0].n);
      assert.equal(eventsAfter[0].n, eventsBefore[0].n);
    });

    test('a registered manager creates a service and a member of staff; both are in the record', async () => {
      const s = await t.signIn('registered_manager');
      const svc = await t.call(s, { method: 'POST', url: '/api/services', payload: { name: 'Eastside outreach', kind: 'outreach' } });
      assert.equal(svc.statusCode, 201);
      const staff = await t.call(s, {
        method: 'POST', url: '/api/staff',
        payload: { name: 'Nia Brooks', email: 'nia@example.test', role: 'support_worker', serviceIds: [svc.json().id], password: 'temporary password 1' },
      });
      assert.equal(staff.statusCode, 201);
      assert.equal(staff.json().mustChangePassword, true);
      const events = await t.call(s, { method: 'GET', url: `/api/audit/events?entityId=${staff.json().id}` });
      assert.deepEqual(events.json().map((e: { type: string }) => e.type), ['staff.created']);
    });

    test('the event record cannot be updated or deleted', async () => {
      await assert.rejects(t.db.exec('update events set reason = $$edited$$ where seq = 1'), /append-only/);
      await assert.rejects(t.db.exec('delete from events'), /append-only/);
    });

    test('changing an event row directly makes verify name that event', async () => {
      assert.equal((await verifyChain(t.db, t.orgA.orgId)).intact, true);
      await t.db.transaction(async (tx) => {
        await tx.exec("set local session_replication_role = replica");
        await tx.query(`update events set data = jsonb_set(data, '{name}', '"Tampered"') where org_id = $1 and seq = 3`, [t.orgA.orgId]);
      });
      const result = await verifyChain(t.db, t.orgA.orgId);
      assert.equal(result.intact, false);
      assert.equal(result.intact === false && result.brokenAt.seq, 3);
      assert.equal((await verifyChain(t.db, t.orgB.orgId)).intact, true, 'the other organisation is untouched');
    });

    test('health and readiness', async () => {
      assert.equal((await t.app.inject({ url: '/healthz' })).statusCode, 200);
      assert.deepEqual((await t.app.inject({ url: '/readyz' })).json(), { ready: true });
      const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.equal(spec.openapi, '3.1.0');
      assert.ok(spec.paths['/api/staff']);
    });
  });
}
