import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { onCallChain } from '../../src/app/rota/on-call-chain.ts';
import { orgSettings } from '../../src/db/repos/incident-workflow.ts';
import { escalationSettings } from '../../src/domain/escalation/settings.ts';
import { makeTestApp, type Session, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { setEscalationSettings } from '../support/incidents.ts';

// The on-call rota over HTTP: shifts per service, cover, swaps, handovers, the fallback; bad input names its field.
const at = (hhmm: string, day = '23') => new Date(`2026-11-${day}T${hhmm}:00Z`).toISOString();

for (const kind of dbKinds()) {
  describe(`on-call rota [${kind}]`, () => {
    let t: TestApp;
    let rm: Session;
    before(async () => {
      t = await makeTestApp(kind);
      rm = await t.signIn('registered_manager');
    });
    after(async () => t?.close());

    // Who is on call at a time: through the API while the session is fresh, then through the same
    // chain resolution directly (a session would expire across a day of clock moves).
    const chainNow = async (hhmm: string) => {
      if (hhmm < '11:00') {
        t.clock.set(at(hhmm));
        const res = await t.call(rm, { method: 'GET', url: `/api/rota?from=${at('00:00')}&to=${at('23:59')}` });
        assert.equal(res.statusCode, 200, res.body);
        const scheme = res.json().onCallNow.find((s: { serviceId: string }) => s.serviceId === t.orgA.serviceIds.scheme);
        return scheme.chain.map((c: { name: string }) => c.name);
      }
      const ids = await onCallChain(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, new Date(at(hhmm)), escalationSettings(await orgSettings(t.db, t.orgA.orgId)));
      const names = await t.db.query<{ id: string; name: string }>('select id, name from staff where id = any($1::uuid[])', [ids]);
      return ids.map((id) => names.find((n) => n.id === id)!.name);
    };
    const shift = async (role: string, from: string, to: string, level = 1) => {
      const res = await t.call(rm, { method: 'POST', url: '/api/rota/shifts', payload: { serviceId: t.orgA.serviceIds.scheme, staffId: t.orgA.staffIds[role], level, startsAt: at(from), endsAt: at(to) } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };

    test('shifts, handover at the boundary, cover, a swap, and the fallback at the end of the chain', async () => {
      assert.deepEqual(await chainNow('10:00'), ['Rachel Moss'], 'nobody rostered and no fallback: the registered managers');
      await setEscalationSettings(t.db, t.orgA.orgId, { escalation: { fallbackStaffId: t.orgA.staffIds.director } });
      const day = await shift('team_leader', '08:00', '20:00');
      const night = await shift('registered_manager', '20:00', '23:59');
      await shift('care_coordinator', '08:00', '20:00', 2);
      assert.deepEqual(await chainNow('10:00'), ['Tom Barker', 'Ben Carter', 'Diane Okafor']);
      assert.deepEqual(await chainNow('20:00'), ['Rachel Moss', 'Diane Okafor'], 'the night shift takes over at 20:00');
      const cover = await t.call(rm, { method: 'POST', url: '/api/rota/cover', payload: {
        serviceId: t.orgA.serviceIds.scheme, originalStaffId: t.orgA.staffIds.team_leader, replacementStaffId: t.orgA.staffIds.safeguarding_lead,
        startsAt: at('12:00'), endsAt: at('13:00'), reason: 'Tom at a hospital appointment',
      } });
      assert.equal(cover.statusCode, 201, cover.body);
      assert.deepEqual(await chainNow('12:30'), ['Sunita Patel', 'Ben Carter', 'Diane Okafor']);
      const swap = await t.call(rm, { method: 'POST', url: `/api/rota/shifts/${day}/swap`, payload: { withShiftId: night, reason: 'Swapped by agreement' } });
      assert.equal(swap.statusCode, 201, swap.body);
      assert.deepEqual((await chainNow('10:00'))[0], 'Rachel Moss');
      assert.deepEqual((await chainNow('21:00'))[0], 'Tom Barker');
      const handover = await t.call(await t.signIn('team_leader'), { method: 'POST', url: '/api/rota/handovers', payload: { toStaffId: t.orgA.staffIds.registered_manager, notes: 'Nothing open; Amir had a seizure yesterday' } });
      assert.equal(handover.statusCode, 201, handover.body);
      const events = await t.db.query<{ type: string }>(`select type from events where org_id = $1 and entity_type = 'oncall_rota' order by seq`, [t.orgA.orgId]);
      assert.deepEqual(events.map((e) => e.type), ['rota.shift_added', 'rota.shift_added', 'rota.shift_added', 'rota.override_added', 'rota.override_added', 'rota.handover']);
    });

    test('bad input names its field and changes nothing', async () => {
      const before = await t.db.query('select id from oncall_shifts');
      const rows: [unknown, string][] = [
        [{ serviceId: t.orgA.serviceIds.scheme, staffId: t.orgA.staffIds.team_leader, startsAt: at('10:00'), endsAt: at('09:00') }, 'endsAt'],
        [{ serviceId: t.orgA.serviceIds.scheme, staffId: t.orgB.staffIds.team_leader, startsAt: at('10:00'), endsAt: at('11:00') }, 'staffId'],
        [{ serviceId: t.orgB.serviceIds.scheme, staffId: t.orgA.staffIds.team_leader, startsAt: at('10:00'), endsAt: at('11:00') }, 'serviceId'],
        [{ serviceId: t.orgA.serviceIds.scheme, staffId: t.orgA.staffIds.team_leader, startsAt: 'soon', endsAt: at('11:00') }, 'startsAt'],
      ];
      for (const [payload, field] of rows) {
        const res = await t.call(rm, { method: 'POST', url: '/api/rota/shifts', payload: payload as never });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.field, field);
      }
      assert.equal((await t.db.query('select id from oncall_shifts')).length, before.length);
    });
  });
}
