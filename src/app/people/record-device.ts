import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import { findDevice, publicDevice } from '../../db/repos/assistive-devices.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { DeviceInput } from '../../domain/people/person-input.ts';
import type { Deps } from '../deps.ts';
import { duplicateField, requireVisiblePerson } from './person-columns.ts';
import './people-events.ts';

/**
 * Assistive technology (no-response policy §11): its purpose, limitations, who monitors it, and
 * what its silence or failure means for this person — a missed check-in is a risk indicator.
 */
const COLUMNS = {
  kind: 'kind', purpose: 'purpose', limitations: 'limitations', monitoredBy: 'monitored_by',
  failureMeaning: 'failure_meaning', externalDeviceId: 'external_device_id',
} as const;
type Field = keyof typeof COLUMNS;
const FIELDS = Object.keys(COLUMNS) as Field[];
const value = (d: DeviceInput, f: Field) => d[f] ?? null;

function rethrowDuplicate(err: unknown): never {
  const dup = duplicateField(err);
  if (dup) throw conflict(dup.message, 'externalDeviceId');
  throw err;
}

export async function addDevice(deps: Deps, actor: Actor, personId: string, input: DeviceInput) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const id = newId(at.getTime());
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `insert into assistive_devices (id, org_id, person_id, ${FIELDS.map((f) => COLUMNS[f]).join(', ')}, created_at, updated_at)
       values ($1, $2, $3, ${FIELDS.map((_, i) => `$${i + 4}`).join(', ')}, $${FIELDS.length + 4}, $${FIELDS.length + 4})`,
      [id, actor.orgId, personId, ...FIELDS.map((f) => value(input, f)), at],
    ).catch(rethrowDuplicate);
    await appendEvent(tx, {
      actor, type: 'person.device_added', entityType: 'person', entityId: personId, at,
      data: { deviceId: id, kind: input.kind, externalDeviceId: input.externalDeviceId ?? null },
    });
  });
  return publicDevice((await findDevice(deps.db, actor.orgId, personId, id))!);
}

export async function updateDevice(deps: Deps, actor: Actor, personId: string, deviceId: string, input: DeviceInput & { version: number }) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const current = await findDevice(deps.db, actor.orgId, personId, deviceId);
  if (!current) throw notFound('Device');
  const changed = FIELDS.filter((f) => (current[COLUMNS[f]] ?? null) !== value(input, f));
  if (changed.length === 0) return publicDevice(current);
  await deps.db.transaction(async (tx) => {
    const rows = await tx.query(
      `update assistive_devices set ${changed.map((f, i) => `${COLUMNS[f]} = $${i + 5}`).join(', ')}, version = version + 1, updated_at = $4
        where org_id = $1 and person_id = $2 and id = $3 and version = $${changed.length + 5} and removed_at is null returning id`,
      [actor.orgId, personId, deviceId, at, ...changed.map((f) => value(input, f)), input.version],
    ).catch(rethrowDuplicate);
    if (rows.length === 0) throw conflict('Someone else changed this device; reload and try again', 'version');
    await appendEvent(tx, {
      actor, type: 'person.device_updated', entityType: 'person', entityId: personId, at,
      data: { deviceId, changes: Object.fromEntries(changed.map((f) => [f, value(input, f)])) },
    });
  });
  return publicDevice((await findDevice(deps.db, actor.orgId, personId, deviceId))!);
}

export async function removeDevice(deps: Deps, actor: Actor, personId: string, deviceId: string, input: { version: number; reason: string }) {
  requireAction(actor, 'person.write');
  const at = deps.clock.now();
  await requireVisiblePerson(deps.db, actor, personId);
  const current = await findDevice(deps.db, actor.orgId, personId, deviceId);
  if (!current) throw notFound('Device');
  await deps.db.transaction(async (tx) => {
    // The external id is released so that the device can be given to someone else.
    const rows = await tx.query(
      `update assistive_devices set removed_at = $4, updated_at = $4, version = version + 1, external_device_id = null
        where org_id = $1 and person_id = $2 and id = $3 and version = $5 and removed_at is null returning id`,
      [actor.orgId, personId, deviceId, at, input.version],
    );
    if (rows.length === 0) throw conflict('Someone else changed this device; reload and try again', 'version');
    await appendEvent(tx, {
      actor, type: 'person.device_removed', entityType: 'person', entityId: personId, at, reason: input.reason,
      data: { deviceId, kind: current.kind },
    });
  });
}
