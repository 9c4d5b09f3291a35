import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { publishLive, staffContacts } from '../../db/repos/incident-workflow.ts';
import type { Deps } from '../deps.ts';
import { notifiersFor } from './notifiers.ts';

export type NotificationRequest = {
  orgId: string;
  staffId: string;
  incidentId: string | null;
  alertId: string | null;
  subject: string;
  body: string;
};

/**
 * Puts a notification for one member of staff in the outbox, on every channel that can reach
 * them: in-app always; SMS when they have a phone number; email when email is configured. Runs
 * in the caller's transaction, so the notification commits with the change that caused it.
 */
export async function enqueueNotification(tx: Queryable, deps: Deps, n: NotificationRequest, at: Date): Promise<string[]> {
  const [who] = await staffContacts(tx, n.orgId, [n.staffId]);
  if (!who) return [];
  const notifiers = notifiersFor(deps);
  const channels: { channel: 'in_app' | 'email' | 'sms'; address: string }[] = [{ channel: 'in_app', address: who.id }];
  if (who.phone && notifiers.sms) channels.push({ channel: 'sms', address: who.phone });
  if (notifiers.email) channels.push({ channel: 'email', address: who.email });
  const ids: string[] = [];
  for (const c of channels) {
    const id = newId(at.getTime());
    await tx.query(
      `insert into notifications (id, org_id, incident_id, alert_id, channel, recipient_staff_id, address, subject, body, status, next_attempt_at, created_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,'pending',$10,$10)`,
      [id, n.orgId, n.incidentId, n.alertId, c.channel, n.staffId, c.address, n.subject, n.body, at],
    );
    ids.push(id);
  }
  await tx.query(`select pg_notify('wellcheck_engine', 'notifications')`);
  await publishLive(tx, n.orgId, 'notifications', { incidentId: n.incidentId }, at);
  return ids;
}
