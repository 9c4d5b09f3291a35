import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { findCurrentProtocol } from '../../db/repos/people.ts';
import type { ReviewReason } from '../../db/repos/protocol-review-flags.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import type { ProtocolContent } from '../../domain/protocol/content.ts';
import { protocolContent } from '../../domain/protocol/content.ts';
import { changedSections } from '../../domain/people/protocol-diff.ts';
import type { Deps } from '../deps.ts';
import { requireVisiblePerson } from './person-columns.ts';
import './people-events.ts';

export type NewProtocolVersion = {
  /** The version the editor started from (0 when writing the first); a stale one is a 409. */
  baseVersion: number;
  content: unknown;
  /** Why it changed: required, shown in the history beside who changed it. */
  reason: string;
};

/**
 * Writes a new version of a person's No Response Protocol (no-response policy §10): never an
 * edit in place. The content is validated by the shared schema (400 naming e.g.
 * content.expectedContacts.0.windowMinutes); writing it clears open review flags, because
 * writing a new version is the review.
 */
export async function writeProtocolVersion(deps: Deps, actor: Actor, personId: string, input: NewProtocolVersion) {
  requireAction(actor, 'protocol.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const parsed = protocolContent.safeParse(input.content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(['content', ...issue.path.map(String)].join('.'), issue.message);
  }
  if (!input.reason?.trim()) throw invalid('reason', 'Say why the protocol is changing');
  const result = await deps.db.transaction((tx) =>
    insertProtocolVersion(tx, actor, personId, parsed.data, input.reason.trim(), input.baseVersion, at));
  deps.wake?.('schedule');
  return result;
}

/** The insert, its event and the clearing of review flags, in the caller's transaction (used by the demo data too). */
export async function insertProtocolVersion(
  tx: Queryable, actor: Actor, personId: string, content: ProtocolContent, reason: string, baseVersion: number, at: Date,
) {
  const current = await findCurrentProtocol(tx, actor.orgId, personId);
  if ((current?.version ?? 0) !== baseVersion) {
    throw conflict(`The protocol is now at version ${current?.version ?? 0}; reload it and make your change again`, 'baseVersion');
  }
  const version = baseVersion + 1;
  const id = newId(at.getTime());
  try {
    await tx.query(
      `insert into protocol_versions (id, org_id, person_id, version, content, reason, created_by, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, actor.orgId, personId, version, JSON.stringify(content), reason, actor.kind === 'staff' ? actor.id : null, at],
    );
  } catch (err) {
    // Two editors from the same base: the unique (person_id, version) lets only one win.
    if ((err as { code?: string }).code === '23505') throw conflict('Someone else saved a new version first; reload it', 'baseVersion');
    throw err;
  }
  await appendEvent(tx, {
    actor, type: 'protocol.version_created', entityType: 'person', entityId: personId, at, reason,
    data: { protocolVersionId: id, version, sections: changedSections(current?.content, content) },
  });
  const cleared = await tx.query<{ reason: ReviewReason }>(
    `update protocol_review_flags set cleared_at = $3, cleared_by_version = $4
      where org_id = $1 and person_id = $2 and cleared_at is null returning reason`,
    [actor.orgId, personId, at, version],
  );
  if (cleared.length) {
    await appendEvent(tx, {
      actor, type: 'protocol.review_cleared', entityType: 'person', entityId: personId, at,
      data: { version, reasons: [...new Set(cleared.map((c) => c.reason))] },
    });
  }
  return { id, version, content };
}
