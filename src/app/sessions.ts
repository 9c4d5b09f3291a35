import { createHash, randomBytes } from 'node:crypto';
import type { StaffActor, TokenActor } from '../domain/access/actor.ts';
import { DomainError } from '../domain/errors.ts';
import { appendEvent } from '../db/events.ts';
import { findStaff, findStaffByEmail, type StaffRow } from '../db/repos/staff.ts';
import type { Deps } from './deps.ts';
import { verifyPassword } from './passwords.ts';

const SESSION_HOURS = 12;
const THROTTLE_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export const staffActor = (s: StaffRow): StaffActor => ({
  kind: 'staff', id: s.id, orgId: s.org_id, role: s.role, name: s.name, serviceIds: s.service_ids,
});

/**
 * Signs a member of staff in. Failed attempts are counted per email and per address in the
 * database (so several processes share the count); past the limit, 429 until the window passes.
 */
export async function signIn(deps: Deps, input: { email: string; password: string; ip: string }) {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - THROTTLE_MINUTES * 60_000);
  const [counts] = await deps.db.query<{ by_email: number; by_ip: number }>(
    `select count(*) filter (where lower(email) = lower($1))::int as by_email, count(*) filter (where ip = $2)::int as by_ip
       from login_attempts where at > $3 and not succeeded and (lower(email) = lower($1) or ip = $2)`,
    [input.email, input.ip, since],
  );
  if (counts.by_email >= MAX_FAILURES_PER_EMAIL || counts.by_ip >= MAX_FAILURES_PER_IP) {
    throw new DomainError('too_many', `Too many failed sign-in attempts. Try again in ${THROTTLE_MINUTES} minutes.`);
  }
  const staff = await findStaffByEmail(deps.db, input.email);
  const ok = staff !== undefined && staff.is_active && (await verifyPassword(staff.password_hash, input.password));
  await deps.db.query('insert into login_attempts (email, ip, at, succeeded) values ($1, $2, $3, $4)', [input.email, input.ip, now, ok]);
  if (!ok || !staff) throw new DomainError('unauthenticated', 'Email or password is not right');
  const sessionToken = token();
  const csrfToken = token();
  await deps.db.transaction(async (tx) => {
    await tx.query(
      'insert into sessions (token_hash, staff_id, org_id, csrf_token, created_at, expires_at) values ($1,$2,$3,$4,$5,$6)',
      [sha256(sessionToken), staff.id, staff.org_id, csrfToken, now, new Date(now.getTime() + SESSION_HOURS * 3600_000)],
    );
    await appendEvent(tx, { actor: staffActor(staff), type: 'staff.signed_in', entityType: 'staff', entityId: staff.id, data: {}, at: now });
  });
  return { sessionToken, csrfToken, staff, maxAgeSeconds: SESSION_HOURS * 3600 };
}

export type ResolvedSession = { actor: StaffActor; csrfToken: string; tokenHash: string; staff: StaffRow };

/** The session behind a cookie value, if it exists, has not expired and its staff member is active. */
export async function resolveSession(deps: Deps, sessionToken: string): Promise<ResolvedSession | undefined> {
  const tokenHash = sha256(sessionToken);
  const [row] = await deps.db.query<{ staff_id: string; org_id: string; csrf_token: string }>(
    'select staff_id, org_id, csrf_token from sessions where token_hash = $1 and expires_at > $2',
    [tokenHash, deps.clock.now()],
  );
  if (!row) return undefined;
  const staff = await findStaff(deps.db, row.org_id, row.staff_id);
  if (!staff || !staff.is_active) return undefined;
  return { actor: staffActor(staff), csrfToken: row.csrf_token, tokenHash, staff };
}

export async function signOut(deps: Deps, session: ResolvedSession): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.query('delete from sessions where token_hash = $1', [session.tokenHash]);
    await appendEvent(tx, { actor: session.actor, type: 'staff.signed_out', entityType: 'staff', entityId: session.actor.id, data: {}, at: deps.clock.now() });
  });
}

/** An integration's API token (Authorization: Bearer wct_…), stored only as its hash. */
export async function resolveApiToken(deps: Deps, bearer: string): Promise<TokenActor | undefined> {
  const [row] = await deps.db.query<{ id: string; org_id: string; name: string }>(
    'select id, org_id, name from api_tokens where token_hash = $1 and revoked_at is null',
    [sha256(bearer)],
  );
  return row ? { kind: 'token', id: row.id, orgId: row.org_id, name: row.name } : undefined;
}

export const newApiTokenSecret = () => `wct_${token()}`;
