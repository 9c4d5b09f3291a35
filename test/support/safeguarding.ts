import type { Queryable } from '../../src/db/port.ts';
import { newId } from '../../src/db/ids.ts';
import type { Session, TestApp } from './app.ts';

/** A person supported, written straight to the people table (the fields a concern needs). */
export async function addPerson(db: Queryable, orgId: string, serviceId: string, givenName: string, familyName: string): Promise<string> {
  const id = newId();
  const at = new Date('2026-01-01T09:00:00Z');
  await db.query(
    'insert into people (id, org_id, service_id, given_name, family_name, created_at, updated_at) values ($1,$2,$3,$4,$5,$6,$6)',
    [id, orgId, serviceId, givenName, familyName, at],
  );
  return id;
}

/** A concern body with every fact known and neutral; override what the test is about. */
export function concernBody(personIds: string[], indicatorIds: string[], over: Record<string, unknown> = {}) {
  return {
    personIds, indicatorIds,
    description: 'What the worker saw and heard, in their words.',
    alleged: [{ kind: 'not_known' }],
    childrenInvolved: 'no', possibleCrime: 'no', capacity: 'has', risk: 'low',
    personWishes: 'She wants it to stop and to stay in her flat.',
    immediateActions: 'Made sure she was safe and told the team leader.',
    ...over,
  };
}

/** Raises a concern over HTTP and returns its id (fails the test on anything but 201). */
export async function raiseOverHttp(t: TestApp, s: Session, body: unknown): Promise<{ id: string; suggestion: Record<string, unknown> & { outcome: string } }> {
  const res = await t.call(s, { method: 'POST', url: '/api/concerns', payload: body as never });
  if (res.statusCode !== 201) throw new Error(`raising a concern gave ${res.statusCode}: ${res.body}`);
  return res.json();
}
