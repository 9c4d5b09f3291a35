import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaff } from '../../src/app/administration/create-staff.ts';
import { DEMO_PASSWORD } from '../../src/demo/organisation.ts';
import { makeTestApp, type Session, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { addPerson, concernBody, raiseOverHttp } from '../support/safeguarding.ts';

for (const kind of dbKinds()) {
  describe(`safeguarding concerns [${kind}]`, () => {
    let t: TestApp;
    let personId: string;
    let otherWorker: Session;
    before(async () => {
      t = await makeTestApp(kind);
      personId = await addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.scheme, 'Maya', 'Osei');
      await createStaff(t.deps, { kind: 'system', orgId: t.orgA.orgId }, {
        name: 'Second Worker', email: 'second.worker@a.test', role: 'support_worker', serviceIds: [t.orgA.serviceIds.scheme], password: DEMO_PASSWORD, phone: null,
      }, { mustChangePassword: false });
      const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'second.worker@a.test', password: DEMO_PASSWORD } });
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'wc_session')!;
      otherWorker = { cookie: `wc_session=${cookie.value}`, csrf: res.json().csrfToken, role: 'support_worker', org: 'A' };
    });
    after(async () => t?.close());

    test('the raiser sees the concern, another support worker gets 404, the lead’s view is in the access log', async () => {
      const raiser = await t.signIn('support_worker');
      const { id } = await raiseOverHttp(t, raiser, concernBody([personId], ['physical.ll.1', 'psychological.ll.2']));
      const own = await t.call(raiser, { method: 'GET', url: `/api/concerns/${id}` });
      assert.equal(own.statusCode, 200);
      assert.equal(own.json().suggestion.outcome, 'lower_level');
      const other = await t.call(otherWorker, { method: 'GET', url: `/api/concerns/${id}` });
      assert.equal(other.statusCode, 404);
      const list = await t.call(otherWorker, { method: 'GET', url: '/api/concerns' });
      assert.ok(!list.json().some((c: { id: string }) => c.id === id), 'not listed either');

      const lead = await t.signIn('safeguarding_lead');
      assert.equal((await t.call(lead, { method: 'GET', url: `/api/concerns/${id}` })).statusCode, 200);
      const log = await t.db.query<{ actor_id: string; purpose: string }>(
        "select actor_id, purpose from access_log where entity_type = 'concern' and entity_id = $1 order by at", [id]);
      assert.ok(log.some((l) => l.actor_id === t.orgA.staffIds.safeguarding_lead), 'the lead’s view is logged');
      assert.ok(log.some((l) => l.actor_id === t.orgA.staffIds.support_worker), 'the raiser’s view is logged');

      const rm = await t.signIn('registered_manager');
      assert.equal((await t.call(rm, { method: 'GET', url: `/api/concerns/${id}` })).statusCode, 200);
      const teamLeader = await t.signIn('team_leader');
      assert.equal((await t.call(teamLeader, { method: 'GET', url: `/api/concerns/${id}` })).statusCode, 404);

      // Granting access lets the second worker see it.
      const secondId = (await t.db.query<{ id: string }>("select id from staff where email = 'second.worker@a.test'"))[0].id;
      const grant = await t.call(lead, { method: 'POST', url: `/api/concerns/${id}/access`, payload: { staffId: secondId, reason: 'Key worker helping the enquiry' } });
      assert.equal(grant.statusCode, 200, grant.body);
      assert.equal((await t.call(otherWorker, { method: 'GET', url: `/api/concerns/${id}` })).statusCode, 200);
    });

    test('raising appends its event, flags the protocol for review, and stores the framework version', async () => {
      const raiser = await t.signIn('support_worker');
      const { id } = await raiseOverHttp(t, raiser, concernBody([personId], ['financial.s42.6']));
      const [ev] = await t.db.query<{ type: string; data: { frameworkVersion: string } }>(
        "select type, data from events where entity_type = 'concern' and entity_id = $1", [id]);
      assert.equal(ev.type, 'concern.raised');
      assert.equal(ev.data.frameworkVersion, '2023-05.1');
      const [row] = await t.db.query<{ framework_id: string; framework_version: string }>('select framework_id, framework_version from safeguarding_concerns where id = $1', [id]);
      assert.deepEqual(row, { framework_id: 'llr-2023', framework_version: '2023-05.1' });
      const flags = await t.db.query("select 1 from protocol_review_flags where person_id = $1 and reason = 'safeguarding_concern' and source_id = $2", [personId, id]);
      assert.equal(flags.length, 1);
    });

    test('an organisation set to another board’s framework assesses under it, and each concern keeps its own', async () => {
      const raiser = await t.signIn('support_worker');
      await t.db.query(`update organisations set settings = '{"safeguarding": {"frameworkId": "example-sab"}}' where id = $1`, [t.orgA.orgId]);
      try {
        const framework = (await t.call(raiser, { method: 'GET', url: '/api/safeguarding/framework' })).json();
        assert.equal(framework.id, 'example-sab');
        const { id, suggestion } = await raiseOverHttp(t, raiser, concernBody([personId], ['physical.s42.1']));
        assert.equal(suggestion.outcome, 'consider_s42');
        const [row] = await t.db.query<{ framework_id: string; framework_version: string }>('select framework_id, framework_version from safeguarding_concerns where id = $1', [id]);
        assert.deepEqual(row, { framework_id: 'example-sab', framework_version: '2024-01.1' });
        // An LLR-only indicator is not part of the example framework.
        const res = await t.call(raiser, { method: 'POST', url: '/api/concerns', payload: concernBody([personId], ['cuckooing.s42.1']) as never });
        assert.equal(res.json().error.field, 'indicatorIds.0');
      } finally {
        await t.db.query(`update organisations set settings = '{}' where id = $1`, [t.orgA.orgId]);
      }
    });

    test('bad input is refused with the field named and nothing saved', async () => {
      const raiser = await t.signIn('support_worker');
      const before = (await t.db.query<{ n: number }>('select count(*)::int as n from safeguarding_concerns'))[0].n;
      const cases: [Record<string, unknown>, string][] = [
        [concernBody([personId], ['physical.ll.99']), 'indicatorIds.0'],
        [concernBody([personId], ['physical.ll.1'], { risk: 'extreme' }), 'risk'],
        [concernBody([personId], ['physical.ll.1'], { alleged: [{ kind: 'staff_member' }] }), 'alleged.0.staffId'],
        [concernBody([await addPerson(t.db, t.orgA.orgId, t.orgA.serviceIds.community, 'Not', 'Mine')], ['physical.ll.1']), 'personIds.0'],
      ];
      for (const [body, field] of cases) {
        const res = await t.call(raiser, { method: 'POST', url: '/api/concerns', payload: body as never });
        assert.equal(res.statusCode, 400, res.body);
        assert.equal(res.json().error.field, field);
      }
      assert.equal((await t.db.query<{ n: number }>('select count(*)::int as n from safeguarding_concerns'))[0].n, before);
    });

    test('a departure from the suggestion without a reason is refused; with one it is recorded', async () => {
      const raiser = await t.signIn('support_worker');
      const lead = await t.signIn('safeguarding_lead');
      const { id } = await raiseOverHttp(t, raiser, concernBody([personId], ['organisational.ll.2']));
      const decide = (payload: Record<string, unknown>) => t.call(lead, { method: 'POST', url: `/api/concerns/${id}/decision`, payload: payload as never });
      const referral = { referredOn: '2026-11-23', localAuthority: 'Leicestershire County Council', method: 'phone', personWanted: 'To feel safe at home' };
      const refused = await decide({ version: 1, outcome: 'refer', rationale: 'Staff pattern worries me more than this one event.', referral });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.field, 'departureReason');
      const [still] = await t.db.query<{ status: string }>('select status from safeguarding_concerns where id = $1', [id]);
      assert.equal(still.status, 'awaiting_decision');
      assert.equal((await t.db.query('select 1 from safeguarding_decisions where concern_id = $1', [id])).length, 0);

      const done = await decide({
        version: 1, outcome: 'refer', rationale: 'Staff pattern worries me more than this one event.',
        departureReason: 'Two other services report the same worker; the local authority should know.', referral,
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().departs, true);
      const view = (await t.call(lead, { method: 'GET', url: `/api/concerns/${id}` })).json();
      assert.equal(view.status, 'referred');
      assert.match(view.decision.departureReason, /Two other services/);
      assert.equal(view.referral.localAuthority, 'Leicestershire County Council');
      const again = await decide({ version: 2, outcome: 'no_further_action', rationale: 'Trying to decide a second time.' });
      assert.equal(again.statusCode, 409);
    });

    test('a referral is tracked to its outcome; lower-level handling needs actions with owners', async () => {
      const raiser = await t.signIn('support_worker');
      const lead = await t.signIn('safeguarding_lead');
      const s42 = await raiseOverHttp(t, raiser, concernBody([personId], ['physical.s42.1'], { possibleCrime: 'yes' }));
      assert.deepEqual(s42.suggestion.outcome, 'consider_s42');
      const decided = await t.call(lead, {
        method: 'POST', url: `/api/concerns/${s42.id}/decision`,
        payload: { version: 1, outcome: 'refer', rationale: 'An assault by another tenant with injury.', referral: { referredOn: '2026-11-23', localAuthority: 'Leicester City Council', method: 'online_form', personWanted: 'To press charges' } },
      });
      assert.equal(decided.statusCode, 200, decided.body);
      const track = (payload: Record<string, unknown>) => t.call(lead, { method: 'PATCH', url: `/api/concerns/${s42.id}/referral`, payload: payload as never });
      assert.equal((await track({ version: 1, reference: 'ASC-2026-0042', enquiryOpened: 'yes' })).statusCode, 200);
      assert.equal((await track({ version: 1, outcome: 'stale' })).statusCode, 409);
      assert.equal((await track({ version: 2, outcomeOn: '2026-12-20' })).json().error.field, 'outcome');
      assert.equal((await track({ version: 2, outcome: 'Enquiry concluded: risk removed', outcomeOn: '2026-12-20' })).statusCode, 200);
      const view = (await t.call(lead, { method: 'GET', url: `/api/concerns/${s42.id}` })).json();
      assert.equal(view.referral.reference, 'ASC-2026-0042');
      assert.equal(view.referral.enquiryOpened, 'yes');
      assert.equal(view.referral.outcome, 'Enquiry concluded: risk removed');
      const types = (await t.db.query<{ type: string }>("select type from events where entity_id = $1 order by seq", [s42.id])).map((e) => e.type);
      assert.deepEqual(types, ['concern.raised', 'concern.decided', 'concern.referral_recorded', 'concern.referral_updated', 'concern.referral_updated']);

      const low = await raiseOverHttp(t, raiser, concernBody([personId], ['neglect.maintaining_health.ll.3']));
      const noActions = await t.call(lead, { method: 'POST', url: `/api/concerns/${low.id}/decision`, payload: { version: 1, outcome: 'lower_level', rationale: 'One missed dose, no harm.' } });
      assert.equal(noActions.json().error.field, 'actions');
      const withActions = await t.call(lead, {
        method: 'POST', url: `/api/concerns/${low.id}/decision`,
        payload: { version: 1, outcome: 'lower_level', rationale: 'One missed dose, no harm.', actions: [{ description: 'Medication refresher for the team', ownerId: t.orgA.staffIds.team_leader, dueOn: '2026-12-07' }] },
      });
      assert.equal(withActions.statusCode, 200, withActions.body);
      const lowView = (await t.call(lead, { method: 'GET', url: `/api/concerns/${low.id}` })).json();
      assert.equal(lowView.actions[0].owner.id, t.orgA.staffIds.team_leader);
      assert.equal(lowView.actions[0].dueOn, '2026-12-07');
      const complete = await t.call(lead, { method: 'POST', url: `/api/concerns/${low.id}/actions/${lowView.actions[0].id}/complete`, payload: { note: 'Delivered on 01/12/2026' } });
      assert.equal(complete.statusCode, 200);
    });
  });
}
