import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { liveFeedPruningModule } from '../../src/engine/live-feed-pruning.ts';
import { notificationOutboxModule } from '../../src/engine/notification-outbox.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { eventsOf, incidentEngine, seedShift } from '../support/incidents.ts';
import { seedPerson } from '../support/schedule-seed.ts';

// The notification outbox (pending → sending → sent | failed, at least once) and the live feed.
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

for (const kind of dbKinds()) {
  describe(`notifications [${kind}]`, () => {
    let t: TestApp;
    let engine: ReturnType<typeof incidentEngine>;
    before(async () => {
      t = await makeTestApp(kind);
      engine = incidentEngine(t.deps);
      t.clock.set(at('10:00'));
      await seedShift(t.db, t.orgA, t.orgA.staffIds.team_leader, 1, at('00:00'), at('23:59'));
    });
    after(async () => t?.close());

    const emergency = async (name: string) => {
      const { personId } = await seedPerson(t.db, t.orgA, { name, contacts: [] }, t.clock.now());
      const res = await t.call(await t.signIn('support_worker'), { method: 'POST', url: '/api/emergency', payload: { personId } });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().incidentId as string;
    };
    const statuses = (id: string) => t.db.query<{ channel: string; status: string; attempts: number; last_error: string | null }>(
      'select channel, status, attempts, last_error from notifications where incident_id = $1 order by created_at, channel', [id]);

    test('in-app, SMS and email are delivered and their status recorded; a failure is retried', async () => {
      const id = await emergency('Pat Retry');
      assert.deepEqual((await statuses(id)).map((n) => [n.channel, n.status]), [['email', 'pending'], ['in_app', 'pending'], ['sms', 'pending']], 'one per channel, in the emergency\'s own commit');
      engine.sms.failuresLeft = 1;
      await engine.run();
      const first = await statuses(id);
      assert.deepEqual(first.map((n) => [n.channel, n.status]), [['email', 'sent'], ['in_app', 'sent'], ['sms', 'pending']]);
      assert.equal(first.find((n) => n.channel === 'sms')?.last_error, 'provider unavailable');
      t.clock.set(new Date(at('10:00').getTime() + 30_000));
      await engine.run();
      const sms = (await statuses(id)).find((n) => n.channel === 'sms')!;
      assert.deepEqual([sms.status, sms.attempts], ['sent', 2]);
      assert.ok(engine.sms.sent.some((m) => m.to === '07700 900102' && /EMERGENCY/.test(m.body)));
      assert.ok(engine.email.sent.some((m) => m.to.startsWith('teamleader') && /EMERGENCY/.test(m.subject)));
    });

    test('after the last attempt a notification is marked failed and recorded, never silently dropped', async () => {
      t.clock.set(at('11:00'));
      const id = await emergency('Quinn Fail');
      engine.sms.failuresLeft = 100;
      for (let i = 0; i < 8; i++) {
        await engine.run();
        t.clock.advanceMinutes(10);
      }
      engine.sms.failuresLeft = 0;
      const sms = (await statuses(id)).find((n) => n.channel === 'sms')!;
      assert.deepEqual([sms.status, sms.attempts], ['failed', 5]);
      // Alert repeats were texted (and failed) too: every failed one has its event.
      const failedRows = (await statuses(id)).filter((n) => n.status === 'failed');
      const failed = (await eventsOf(t.db, id)).filter((e) => e.type === 'notification.failed');
      assert.ok(failedRows.length >= 1);
      assert.equal(failed.length, failedRows.length);
      assert.ok(failedRows.every((n) => n.channel === 'sms'), 'in-app and email still went');
      const detail = (await t.call(await t.signIn('registered_manager'), { method: 'GET', url: `/api/incidents/${id}` })).json();
      assert.ok(detail.notifications.some((n: { channel: string; status: string }) => n.channel === 'sms' && n.status === 'failed'), 'shown on the incident page');
    });

    test('a send interrupted mid-way (lease expired) is sent again: at least once', async () => {
      t.clock.set(at('12:00'));
      const id = await emergency('Rae Crash');
      // A claim that never finished: as if the process died after marking it sending.
      await t.db.query(`update notifications set status = 'sending', lease_until = $2, attempts = 1 where incident_id = $1 and channel = 'sms'`, [id, at('12:01')]);
      await notificationOutboxModule.runOnce(engine.engineDeps, at('12:00'));
      assert.equal((await statuses(id)).find((n) => n.channel === 'sms')?.status, 'sending', 'still leased');
      t.clock.set(at('12:01'));
      await engine.run();
      const sms = (await statuses(id)).find((n) => n.channel === 'sms')!;
      assert.deepEqual([sms.status, sms.attempts], ['sent', 2]);
    });

    test('the live feed pushes changes within a second and resumes from Last-Event-ID', async () => {
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const rm = await t.signIn('registered_manager');
      const controller = new AbortController();
      const res = await fetch(`${address}/api/live`, { headers: { cookie: rm.cookie }, signal: controller.signal });
      assert.equal(res.headers.get('content-type'), 'text/event-stream');
      const reader = res.body!.getReader();
      const started = Date.now();
      const id = await emergency('Sid Live');
      let text = '';
      while (!text.includes(id) && Date.now() - started < 5000) text += new TextDecoder().decode((await reader.read()).value);
      assert.ok(text.includes(id), 'the change arrived');
      assert.ok(Date.now() - started < 1000 + 500, 'within about a second');
      const lastId = Number([...text.matchAll(/^id: (\d+)$/gm)][0][1]);
      controller.abort();
      const resumed = await fetch(`${address}/api/live`, { headers: { cookie: rm.cookie, 'last-event-id': String(lastId - 1) } });
      const r2 = resumed.body!.getReader();
      let again = '';
      const s2 = Date.now();
      while (!again.includes(`id: ${lastId}`) && Date.now() - s2 < 3000) again += new TextDecoder().decode((await r2.read()).value);
      assert.ok(again.includes(`id: ${lastId}`), 'replayed from the last id seen');
      await r2.cancel();
    });

    test('the live feed keeps a day of messages', async () => {
      const now = at('18:00');
      await t.db.query(`insert into live_messages (org_id, topic, payload, created_at) values ($1, 'incident', '{}', $2), ($1, 'incident', '{}', $3)`,
        [t.orgA.orgId, new Date(now.getTime() - 25 * 3_600_000), new Date(now.getTime() - 23 * 3_600_000)]);
      await liveFeedPruningModule().runOnce(engine.engineDeps, now);
      const left = await t.db.query<{ created_at: Date }>('select created_at from live_messages where created_at < $1', [new Date(now.getTime() - 22 * 3_600_000)]);
      assert.deepEqual(left.map((r) => r.created_at.toISOString()), [new Date(now.getTime() - 23 * 3_600_000).toISOString()]);
    });
  });
}
