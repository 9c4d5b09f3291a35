import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signTelecare } from '../../src/app/telecare/telecare-senders.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { seedDevice, seedPerson } from '../support/schedule-seed.ts';

for (const kind of dbKinds()) {
  describe(`telecare webhook [${kind}]`, () => {
    let t: TestApp;
    let sender: { id: string; secret: string };
    let personId: string;
    let n = 0;
    before(async () => {
      t = await makeTestApp(kind);
      const m = await t.signIn('registered_manager');
      const res = await t.call(m, { method: 'POST', url: '/api/telecare/senders', payload: { name: 'North monitoring centre' } });
      assert.equal(res.statusCode, 201, res.body);
      sender = res.json();
      ({ personId } = await seedPerson(t.db, t.orgA, { contacts: [] }, t.clock.now()));
      await seedDevice(t.db, t.orgA, personId, 'PEND-001', t.clock.now());
    });
    after(async () => t?.close());

    const send = (body: object, o: { ts?: number; secret?: string; senderId?: string } = {}) => {
      const raw = JSON.stringify(body);
      const ts = String(o.ts ?? Math.floor(t.clock.now().getTime() / 1000));
      return t.app.inject({
        method: 'POST', url: '/api/telecare/events', payload: raw,
        headers: {
          'content-type': 'application/json', 'x-wellcheck-sender': o.senderId ?? sender.id, 'x-wellcheck-timestamp': ts,
          'x-wellcheck-signature': signTelecare(o.secret ?? sender.secret, ts, raw),
        },
      });
    };
    const event = (kind: string, deviceId = 'PEND-001') => ({ eventId: `ev-${++n}`, deviceId, kind, occurredAt: t.clock.now().toISOString() });
    const counts = async () => {
      const [r] = await t.db.query<{ e: number; i: number; c: number; t: number }>(
        `select (select count(*)::int from events) as e, (select count(*)::int from incidents) as i,
                (select count(*)::int from check_ins) as c, (select count(*)::int from telecare_events) as t`);
      return r;
    };

    test('bad signature, old timestamp, unknown sender or unknown device: refused, nothing changed', async () => {
      const before = await counts();
      const bad = await send(event('inactivity_alert'), { secret: 'whs_not-the-secret' });
      assert.equal(bad.statusCode, 401);
      const old = await send(event('inactivity_alert'), { ts: Math.floor(t.clock.now().getTime() / 1000) - 301 });
      assert.equal(old.statusCode, 401);
      assert.match(old.json().error.message, /5 minutes/);
      const future = await send(event('inactivity_alert'), { ts: Math.floor(t.clock.now().getTime() / 1000) + 301 });
      assert.equal(future.statusCode, 401);
      const unknownSender = await send(event('inactivity_alert'), { senderId: '00000000-0000-7000-8000-000000000000' });
      assert.equal(unknownSender.statusCode, 401);
      const device = await send(event('inactivity_alert', 'NO-SUCH-DEVICE'));
      assert.equal(device.statusCode, 400);
      assert.equal(device.json().error.field, 'deviceId');
      // A body changed after signing fails the signature.
      const raw = JSON.stringify(event('fall'));
      const ts = String(Math.floor(t.clock.now().getTime() / 1000));
      const tampered = await t.app.inject({
        method: 'POST', url: '/api/telecare/events', payload: raw.replace('fall', 'low_battery'),
        headers: { 'content-type': 'application/json', 'x-wellcheck-sender': sender.id, 'x-wellcheck-timestamp': ts, 'x-wellcheck-signature': signTelecare(sender.secret, ts, raw) },
      });
      assert.equal(tampered.statusCode, 401);
      assert.deepEqual(await counts(), before);
    });

    test('each event kind does what the policy asks; a redelivery gets the first answer', async () => {
      const low = await send(event('low_battery'));
      assert.equal(low.statusCode, 200, low.body);
      assert.equal(low.json().action, 'recorded');
      const offline = event('device_offline');
      const off = await send(offline);
      assert.equal(off.json().action, 'incident_opened');
      const [tech] = await t.db.query<{ kind: string; stage: number }>('select kind, stage from incidents where id = $1', [off.json().incidentId]);
      assert.deepEqual(tech, { kind: 'technology_failure', stage: 1 });
      const again = await send(offline);
      assert.equal(again.json().incidentId, off.json().incidentId);
      assert.equal(again.json().replayed, true);
      assert.equal((await send(event('device_fault'))).json().action, 'recorded_on_incident');
      const inactive = await send(event('inactivity_alert'));
      assert.equal(inactive.json().action, 'incident_opened');
      const [nr] = await t.db.query<{ kind: string; source: string; stage: number }>('select kind, source, stage from incidents where id = $1', [inactive.json().incidentId]);
      assert.deepEqual(nr, { kind: 'no_response', source: 'telecare', stage: 1 });
      const checkIn = await send(event('check_in'));
      assert.equal(checkIn.json().action, 'check_in_recorded');
      assert.equal(checkIn.json().incidentId, inactive.json().incidentId, 'recorded on the open incident');
    });

    test('a fall opens a no-response incident at internal escalation', async () => {
      const { personId: other } = await seedPerson(t.db, t.orgA, { contacts: [], name: 'Joan Fall' }, t.clock.now());
      await seedDevice(t.db, t.orgA, other, 'FALL-002', t.clock.now());
      const fall = await send(event('fall', 'FALL-002'));
      const [i] = await t.db.query<{ stage: number; stage_reason: string }>('select stage, stage_reason from incidents where id = $1', [fall.json().incidentId]);
      assert.deepEqual(i, { stage: 3, stage_reason: 'telecare_fall' });
    });
  });
}
