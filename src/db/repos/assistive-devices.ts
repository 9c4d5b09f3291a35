import type { Queryable } from '../port.ts';

export const DEVICE_KINDS = ['pendant_alarm', 'inactivity_sensor', 'door_sensor', 'checkin_device', 'phone_app', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export type DeviceRow = {
  id: string;
  org_id: string;
  person_id: string;
  kind: DeviceKind;
  purpose: string;
  limitations: string;
  monitored_by: string;
  failure_meaning: string;
  external_device_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  removed_at: Date | null;
};

export async function listDevices(db: Queryable, orgId: string, personId: string): Promise<DeviceRow[]> {
  return db.query<DeviceRow>(
    'select * from assistive_devices where org_id = $1 and person_id = $2 and removed_at is null order by created_at',
    [orgId, personId],
  );
}

/** The device a telecare feed names by its own id (unique per organisation), if it is in use. */
export async function findDeviceByExternalId(db: Queryable, orgId: string, externalDeviceId: string): Promise<DeviceRow | undefined> {
  const [row] = await db.query<DeviceRow>(
    'select * from assistive_devices where org_id = $1 and external_device_id = $2 and removed_at is null',
    [orgId, externalDeviceId],
  );
  return row;
}

export async function findDevice(db: Queryable, orgId: string, personId: string, id: string): Promise<DeviceRow | undefined> {
  const [row] = await db.query<DeviceRow>(
    'select * from assistive_devices where org_id = $1 and person_id = $2 and id = $3 and removed_at is null',
    [orgId, personId, id],
  );
  return row;
}

export const publicDevice = (d: DeviceRow) => ({
  id: d.id,
  personId: d.person_id,
  kind: d.kind,
  purpose: d.purpose,
  limitations: d.limitations,
  monitoredBy: d.monitored_by,
  failureMeaning: d.failure_meaning,
  externalDeviceId: d.external_device_id,
  version: d.version,
});
