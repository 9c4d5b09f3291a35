import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { seedPerson } from '../support/schedule-seed.ts';

/**
 * A concurrent duplicate: while the first request with a key is still in its transaction, a
 * second with the same key gets 409 at once; afterwards the key replays the first answer.
 * The first request is held open by a transaction that holds the key's lock, as the
 * use-case does. PostgreSQL only: PGlite has one connection, so nothing is ever concurrent.
 */
for (const kind of dbKinds().filter((k) => k === 'pg')) {
  describe(`check-in idempotency under concurrency [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
    });
    after(async () => t?.close());

    test('a concurrent duplicate gets 409; a later replay the first answer', async () => {
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [] }, t.clock.now());
      const s = await t.signIn('support_worker');
      const key = randomUUID();
      const body = { personId, source: 'staff', outcome: 'responded' };
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = t.db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`${t.orgA.orgId}:check-in:${key}`]);
        locked();
        await held;
      });
      await isLocked;
      const during = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key }, payload: body });
      release();
      await holder;
      assert.equal(during.statusCode, 409, during.body);
      assert.equal(during.json().error.field, 'Idempotency-Key');
      const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from check_ins where person_id = $1', [personId]);
      assert.equal(n, 0, 'the refused duplicate changed nothing');
      const first = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key }, payload: body });
      const replay = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key }, payload: body });
      assert.equal(first.statusCode, 201);
      assert.deepEqual(replay.json(), first.json());
      // Truly simultaneous duplicates: one check-in recorded, every answer the same or a 409.
      const k2 = randomUUID();
      const answers = await Promise.all(Array.from({ length: 8 }, () =>
        t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': k2 }, payload: body })));
      const ok = answers.filter((a) => a.statusCode === 201);
      assert.ok(ok.length >= 1);
      assert.ok(answers.every((a) => a.statusCode === 201 || a.statusCode === 409));
      assert.equal(new Set(ok.map((a) => a.json().id)).size, 1);
      const [{ m }] = await t.db.query<{ m: number }>('select count(*)::int as m from check_ins where person_id = $1', [personId]);
      assert.equal(m, 2);
    });
  });
}
