import type { FastifyInstance } from 'fastify';
import type { Deps } from '../src/app/deps.ts';
import { createDemoOrganisation, DEMO_PASSWORD, DEMO_STAFF } from '../src/demo/organisation.ts';
import { seedWindows } from './wellcheck.ts';

/**
 * What a request of the ingest benchmark looks like: the load generator cycles through
 * `items`, adding a fresh Idempotency-Key to each request when `idempotency` is set.
 */
export type IngestRecipe = {
  items: { path: string; body: string; headerSet: number }[];
  headerSets: Record<string, string>[];
  idempotency: boolean;
};

/** The staff check-in endpoint (issue 4 item 2): a member of staff records that the person responded. */
export const CHECK_IN_PATH = '/api/check-ins';

/**
 * Organisations with the demo staff (so a registered manager can sign in and check people
 * in), `people` people spread over them, each with a contact whose window is open now, so
 * most check-ins answer a due window — the app's ordinary, busiest path.
 */
export async function prepareWellcheckIngest(deps: Deps, app: FastifyInstance, opts: { people: number; orgs: number }): Promise<IngestRecipe> {
  const orgs = [];
  for (let k = 1; k <= opts.orgs; k++) {
    const demo = await createDemoOrganisation(deps, `Benchmark organisation ${k}`, `bench${k}`);
    orgs.push({ orgId: demo.orgId, serviceId: demo.serviceIds.scheme, suffix: `bench${k}` });
  }
  // Windows opened half an hour ago and close in half an hour.
  await seedWindows(deps.db, { people: opts.people, orgs, base: new Date(Date.now() + 1_800_000), closesAtSql: '$base', checkedInSql: 'false' });
  const manager = DEMO_STAFF.find((s) => s.role === 'registered_manager')!;
  const headerSets: Record<string, string>[] = [];
  const setOfOrg = new Map<string, number>();
  for (const o of orgs) {
    const email = manager.email.replace('@', `+${o.suffix}@`);
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`benchmark sign-in failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'wc_session')!;
    setOfOrg.set(o.orgId, headerSets.length);
    headerSets.push({ 'content-type': 'application/json', cookie: `wc_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken });
  }
  const people = await deps.db.query<{ id: string; org_id: string }>(
    `select id, org_id from people where external_ref like 'bench-%' order by substr(external_ref, 7)::int`);
  return {
    idempotency: true,
    headerSets,
    items: people.map((p) => ({
      path: CHECK_IN_PATH,
      body: JSON.stringify({ personId: p.id, source: 'staff', outcome: 'responded' }),
      headerSet: setOfOrg.get(p.org_id)!,
    })),
  };
}
