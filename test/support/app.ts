import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Deps } from '../../src/app/deps.ts';
import type { Db } from '../../src/db/port.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { createDemoOrganisation, DEMO_PASSWORD, DEMO_STAFF, type DemoOrganisation } from '../../src/demo/organisation.ts';
import { buildServer } from '../../src/http/server.ts';
import { ManualClock } from './clock.ts';
import { makeDb, type DbKind } from './db.ts';

export type Session = { cookie: string; csrf: string; role: Role; org: 'A' | 'B' };

export type TestApp = {
  db: Db;
  deps: Deps;
  clock: ManualClock;
  app: FastifyInstance;
  orgA: DemoOrganisation;
  orgB: DemoOrganisation;
  /** Sign in as the demo member of staff with this role in organisation A or B. */
  signIn(role: Role, org?: 'A' | 'B'): Promise<Session>;
  /** inject() with the session's cookie and CSRF header. */
  call(session: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** A migrated database with two demo organisations (A and B) and the HTTP app over it. */
export async function makeTestApp(kind: DbKind): Promise<TestApp> {
  const db = await makeDb(kind);
  const clock = new ManualClock();
  const deps: Deps = { db, clock, config: { SECURE_COOKIES: 'off' } };
  const orgA = await createDemoOrganisation(deps, 'Organisation A', 'a');
  const orgB = await createDemoOrganisation(deps, 'Organisation B', 'b');
  const app = await buildServer(deps, { logLevel: 'silent' });
  const sessions = new Map<string, Session>();
  const t: TestApp = {
    db, deps, clock, app, orgA, orgB,
    async signIn(role, org = 'A') {
      const key = `${org}:${role}`;
      const cached = sessions.get(key);
      if (cached) return cached;
      const base = DEMO_STAFF.find((s) => s.role === role)!.email;
      const email = base.replace('@', `+${org.toLowerCase()}@`);
      const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${role} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'wc_session')!;
      const s: Session = { cookie: `wc_session=${cookie.value}`, csrf: res.json().csrfToken, role, org };
      sessions.set(key, s);
      return s;
    },
    call(session, opts) {
      const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrf;
      }
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
  return t;
}
