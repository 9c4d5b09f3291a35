import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ACTIONS, type Action } from '../../src/domain/access/actions.ts';
import { ROLES, type Role } from '../../src/domain/access/roles.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import type { CrossTenantProbe } from './probes.ts';

// Every *.probes.ts beside this file contributes the cross-tenant probes for its routes.
const probeFiles = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.probes.ts'));
const probes: CrossTenantProbe[] = (
  await Promise.all(probeFiles.map(async (f) => (await import(`./${f}`)).probes as CrossTenantProbe[]))
).flat();

const sampleUrl = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-7000-8000-000000000000');
const roleWith = (action: Action): Role => (ACTIONS[action] as readonly Role[])[0];
const roleWithout = (action: Action): Role | undefined => ROLES.find((r) => !(ACTIONS[action] as readonly Role[]).includes(r));

for (const kind of dbKinds()) {
  describe(`every route's access [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
    });
    after(async () => t?.close());

    test('every API route declares an action and is listed here', () => {
      const api = t.app.routeCatalogue.filter((r) => r.url.startsWith('/api/'));
      assert.ok(api.length > 5);
      const withId = api.filter((r) => r.url.includes('/:') && r.action !== 'public');
      const missing = withId.map((r) => `${r.method} ${r.url}`).filter((k) => !probes.some((p) => p.route === k));
      assert.deepEqual(missing, [], 'routes that take an id need a cross-tenant probe in test/access/*.probes.ts');
    });

    test('no session: 401 on every non-public route', async () => {
      for (const r of t.app.routeCatalogue.filter((r) => r.url.startsWith('/api/') && r.action !== 'public')) {
        const res = await t.app.inject({ method: r.method as 'GET', url: sampleUrl(r.url), payload: r.method === 'GET' ? undefined : {} });
        assert.equal(res.statusCode, 401, `${r.method} ${r.url} without a session gave ${res.statusCode}`);
      }
    });

    test('a role without the action: 403 on every route', async () => {
      let checked = 0;
      for (const r of t.app.routeCatalogue.filter((r) => r.action in ACTIONS)) {
        const role = roleWithout(r.action as Action);
        if (!role) continue; // every role has this action
        const s = await t.signIn(role);
        const res = await t.call(s, { method: r.method as 'GET', url: sampleUrl(r.url), payload: r.method === 'GET' ? undefined : {} });
        assert.equal(res.statusCode, 403, `${r.method} ${r.url} as ${role} gave ${res.statusCode}`);
        checked++;
      }
      assert.ok(checked > 3);
    });

    test("organisation A gets 404 for organisation B's records by id", async () => {
      for (const probe of probes) {
        const entry = t.app.routeCatalogue.find((r) => `${r.method} ${r.url}` === probe.route);
        assert.ok(entry, `probe for unknown route ${probe.route}`);
        const role = entry.action in ACTIONS ? roleWith(entry.action as Action) : 'registered_manager';
        const s = await t.signIn(role, 'A');
        const { url, payload } = await probe.request(t);
        const res = await t.call(s, { method: entry.method as 'GET', url, payload: payload as never });
        assert.equal(res.statusCode, 404, `${probe.route} as ${role} of A on B's record gave ${res.statusCode}: ${res.body}`);
      }
    });
  });
}
