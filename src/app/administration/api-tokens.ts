import type { Actor } from '../../domain/access/actor.ts';
import { actorId, requireAction } from '../../domain/access/actor.ts';
import { notFound } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Deps } from '../deps.ts';
import { newApiTokenSecret, sha256 } from '../sessions.ts';

/** Issues an integration token. The secret is shown once; only its hash is stored. */
export async function issueApiToken(deps: Deps, actor: Actor, input: { name: string }) {
  requireAction(actor, 'admin.manage');
  const id = newId();
  const secret = newApiTokenSecret();
  await deps.db.transaction(async (tx) => {
    await tx.query('insert into api_tokens (id, org_id, name, token_hash, created_by) values ($1,$2,$3,$4,$5)', [
      id, actor.orgId, input.name, sha256(secret), actorId(actor),
    ]);
    await appendEvent(tx, { actor, type: 'api_token.created', entityType: 'api_token', entityId: id, data: input, at: deps.clock.now() });
  });
  return { id, name: input.name, secret };
}

export async function revokeApiToken(deps: Deps, actor: Actor, tokenId: string) {
  requireAction(actor, 'admin.manage');
  await deps.db.transaction(async (tx) => {
    const rows = await tx.query('update api_tokens set revoked_at = $3 where org_id = $1 and id = $2 and revoked_at is null returning id', [
      actor.orgId, tokenId, deps.clock.now(),
    ]);
    if (rows.length === 0) throw notFound('API token');
    await appendEvent(tx, { actor, type: 'api_token.revoked', entityType: 'api_token', entityId: tokenId, data: {}, at: deps.clock.now() });
  });
}

export async function listApiTokens(deps: Deps, actor: Actor) {
  requireAction(actor, 'admin.read');
  return deps.db.query<{ id: string; name: string; created_at: Date; revoked_at: Date | null }>(
    'select id, name, created_at, revoked_at from api_tokens where org_id = $1 order by created_at',
    [actor.orgId],
  );
}
