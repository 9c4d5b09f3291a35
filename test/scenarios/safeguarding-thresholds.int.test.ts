import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { addPerson, concernBody, raiseOverHttp } from '../support/safeguarding.ts';

/** SCENARIOS.md 10 (threshold, two sides), 11 (accumulation) and 12 (self-neglect routes). */
type Route = { id: string; why: string[] };
type Suggestion = { outcome: string; routes: Route[]; ledBy: { id: string }[]; lowerLevelAlternatives: { id: string; isNamedByIndicator: boolean }[]; accumulation?: { related: { concernId: string }[] } };
const DAY = 86_400_000;

for (const kind of dbKinds()) {
  describe(`safeguarding scenarios [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
    });
    after(async () => t?.close());

    test('10: a borrowed charger returned is lower-level with alternatives; a bank card used without consent suggests an enquiry and the police', async () => {
      const worker = await t.signIn('team_leader');
      const tenant = await addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, 'Rosa', 'Lind');
      const staff = [{ kind: 'staff_member', staffId: t.orgA.staffIds.support_worker }];
      const charger = (await raiseOverHttp(t, worker, concernBody([tenant], ['financial.ll.1'], {
        alleged: staff, description: 'Grace borrowed Rosa’s phone charger with her consent and returned it the next day.',
      }))).suggestion as unknown as Suggestion;
      assert.equal(charger.outcome, 'lower_level');
      assert.deepEqual(charger.ledBy.map((i) => i.id), ['financial.ll.1']);
      assert.ok(charger.lowerLevelAlternatives.length >= 6, 'the alternatives are listed');
      assert.ok(charger.lowerLevelAlternatives.find((a) => a.id === 'disciplinary')!.isNamedByIndicator, 'professional boundaries: conduct process named');
      assert.ok(!charger.routes.some((r) => r.id === 'police'));

      const card = (await raiseOverHttp(t, worker, concernBody([tenant], ['financial.s42.3'], {
        alleged: staff, possibleCrime: 'yes', description: 'A worker used Rosa’s bank card at a shop without her consent.',
      }))).suggestion as unknown as Suggestion;
      assert.equal(card.outcome, 'consider_s42');
      const police = card.routes.find((r) => r.id === 'police');
      assert.ok(police, 'police route');
      assert.ok(police.why.some((w) => /possibly a crime/.test(w)));
    });

    test('11: three lower-level concerns about one person within the window prompt reconsideration with links; spread beyond it, none', async () => {
      const worker = await t.signIn('support_worker');
      const lead = await t.signIn('safeguarding_lead');
      const close = await addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, 'Ivy', 'Close');
      const spread = await addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, 'Sol', 'Apart');
      const start = new Date('2026-01-05T10:00:00Z').getTime();
      const raiseAt = async (personId: string, day: number, indicator: string) => {
        t.clock.set(new Date(start + day * DAY));
        return raiseOverHttp(t, worker, concernBody([personId], [indicator]));
      };
      const a = await raiseAt(close, 0, 'psychological.ll.1');
      const b = await raiseAt(close, 30, 'neglect.providing_care.ll.1');
      assert.equal((b.suggestion as unknown as Suggestion).accumulation, undefined, 'two are not yet a pattern');
      const c = await raiseAt(close, 60, 'financial.ll.2');
      const third = c.suggestion as unknown as Suggestion;
      assert.equal(third.outcome, 'lower_level', 'the prompt never changes the suggestion');
      assert.deepEqual(third.accumulation!.related.map((r) => r.concernId), [a.id, b.id]);
      assert.ok(third.routes.some((r) => r.id === 'accumulation' && /threshold/.test(r.why.join(' '))));

      // The lead sees the links; the raiser's view does not reveal other concerns.
      const leadView = (await t.call(lead, { method: 'GET', url: `/api/concerns/${c.id}` })).json();
      assert.deepEqual(leadView.suggestion.accumulation.related.map((r: { concernId: string }) => r.concernId), [a.id, b.id]);
      const raiserView = (await t.call(worker, { method: 'GET', url: `/api/concerns/${c.id}` })).json();
      assert.equal(raiserView.suggestion.accumulation, undefined);

      await raiseAt(spread, 0, 'psychological.ll.1');
      await raiseAt(spread, 100, 'neglect.providing_care.ll.1');
      const late = await raiseAt(spread, 200, 'financial.ll.2');
      assert.equal((late.suggestion as unknown as Suggestion).accumulation, undefined);
      assert.ok(!(late.suggestion as unknown as Suggestion).routes.some((r) => r.id === 'accumulation'));

      // The person's lower-level log shows the count against the window (and the read is logged).
      t.clock.set(new Date(start + 61 * DAY));
      const logRes = await t.call(lead, { method: 'GET', url: `/api/safeguarding/people/${close}/concerns` });
      assert.equal(logRes.statusCode, 200);
      const log = logRes.json();
      assert.equal(log.accumulation.lowerLevelInWindow, 3);
      assert.equal(log.accumulation.isThresholdReached, true);
      assert.equal(log.concerns.length, 3);
      t.clock.set(new Date(start + 200 * DAY));
      assert.equal((await t.call(lead, { method: 'GET', url: `/api/safeguarding/people/${spread}/concerns` })).json().accumulation.lowerLevelInWindow, 1);
      const logged = await t.db.query("select 1 from access_log where entity_type = 'person' and entity_id = $1 and purpose = 'safeguarding concern log'", [close]);
      assert.equal(logged.length, 1);
    });

    test('11: the same staff member across different people, and the window is an organisation setting', async () => {
      const worker = await t.signIn('support_worker');
      const people = await Promise.all(['One', 'Two', 'Three'].map((n) => addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, n, 'Staffcase')));
      const alleged = [{ kind: 'staff_member', staffId: t.orgA.staffIds.agency_worker }];
      const start = new Date('2026-06-01T10:00:00Z').getTime();
      const ids: string[] = [];
      let last: Suggestion | undefined;
      for (const [i, p] of people.entries()) {
        t.clock.set(new Date(start + i * 10 * DAY));
        const r = await raiseOverHttp(t, worker, concernBody([p], ['physical.ll.2'], { alleged }));
        ids.push(r.id);
        last = r.suggestion as unknown as Suggestion;
      }
      assert.deepEqual(last!.accumulation!.related.map((r) => r.concernId), ids.slice(0, 2));

      await t.db.query(`update organisations set settings = '{"safeguarding": {"accumulation": {"count": 2, "windowDays": 7}}}' where id = $1`, [t.orgA.orgId]);
      const p = await addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, 'Set', 'Tings');
      t.clock.set(new Date('2026-09-01T10:00:00Z'));
      await raiseOverHttp(t, worker, concernBody([p], ['psychological.ll.3']));
      t.clock.set(new Date('2026-09-06T10:00:00Z'));
      const second = (await raiseOverHttp(t, worker, concernBody([p], ['psychological.ll.3']))).suggestion as unknown as Suggestion;
      assert.ok(second.accumulation, 'two within seven days reach a count of 2');
      t.clock.set(new Date('2026-09-20T10:00:00Z'));
      const third = (await raiseOverHttp(t, worker, concernBody([p], ['psychological.ll.3']))).suggestion as unknown as Suggestion;
      assert.equal(third.accumulation, undefined, 'fourteen days later the earlier ones are outside a 7-day window');
      await t.db.query(`update organisations set settings = '{}' where id = $1`, [t.orgA.orgId]);
    });

    test('12: self-neglect — high risk with capacity: VARM; lacking capacity: MCA best interests; lower risk: case management', async () => {
      const worker = await t.signIn('support_worker');
      const person = await addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, 'Alf', 'Hoard');
      t.clock.set(new Date('2026-11-23T10:00:00Z'));
      const routesFor = async (over: Record<string, unknown>) => {
        const s = (await raiseOverHttp(t, worker, concernBody([person], ['self_neglect.ll.2'], over))).suggestion as unknown as Suggestion;
        return s.routes.map((r) => r.id).filter((r) => ['varm', 'mca_best_interests', 'case_management'].includes(r));
      };
      assert.deepEqual(await routesFor({ risk: 'high', capacity: 'has' }), ['varm']);
      assert.deepEqual(await routesFor({ risk: 'high', capacity: 'lacks' }), ['mca_best_interests']);
      assert.deepEqual(await routesFor({ risk: 'low', capacity: 'has' }), ['case_management']);
      const unknown = (await raiseOverHttp(t, worker, concernBody([person], ['self_neglect.ll.2'], { risk: 'high', capacity: 'unknown' }))).suggestion as unknown as Suggestion & { missing: { field: string }[] };
      assert.equal(unknown.outcome, 'insufficient_information');
      assert.deepEqual(unknown.missing.map((m) => m.field), ['capacity']);
    });
  });
}
