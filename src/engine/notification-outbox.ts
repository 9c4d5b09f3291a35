import { notifiersFor } from '../app/notifications/notifiers.ts';
import '../app/incidents/incident-events.ts';
import { appendEvent } from '../db/events.ts';
import { publishLive } from '../db/repos/incident-workflow.ts';
import type { EngineModule } from './engine.ts';

type Claimed = {
  id: string; org_id: string; incident_id: string | null; channel: 'in_app' | 'email' | 'sms'; recipient_staff_id: string | null;
  address: string; subject: string; body: string; attempts: number; max_attempts: number;
};

/**
 * Notification delivery (CONVENTIONS "The engine"): pending → sending (leased until a deadline)
 * → sent | failed. A claim is committed before the send, so a crash mid-send leaves a lease that
 * expires and the message is sent again: at least once. A failure is retried with back-off;
 * after the last attempt it is marked failed, recorded as an event and shown on the incident —
 * never silently lost.
 */
const BATCH = 50;
const LEASE_MS = 60_000;
/** Back-off after attempt n: 30 s, 1, 2, 4 min … (a phone network blip, not an outage). */
export const retryDelayMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1);

export const notificationOutboxModule: EngineModule = {
  name: 'notification-outbox',
  async runOnce(deps, now) {
    const claimed = await deps.db.transaction((tx) => tx.query<Claimed>(
      `update notifications set status = 'sending', lease_until = $2, attempts = attempts + 1
        where id in (select id from notifications
                      where (status = 'pending' and next_attempt_at <= $1) or (status = 'sending' and lease_until <= $1)
                      order by next_attempt_at limit ${BATCH} for update skip locked)
        returning id, org_id, incident_id, channel, recipient_staff_id, address, subject, body, attempts, max_attempts`,
      [now, new Date(now.getTime() + LEASE_MS)],
    ));
    const notifiers = notifiersFor(deps);
    for (const n of claimed) {
      let error: string | null = null;
      try {
        if (n.channel === 'in_app') {
          await deps.db.transaction((tx) => publishLive(tx, n.org_id, 'alert', { incidentId: n.incident_id, notificationId: n.id, subject: n.subject }, now, n.recipient_staff_id));
        } else {
          const sender = n.channel === 'email' ? notifiers.email : notifiers.sms;
          if (!sender) throw new Error(`no ${n.channel} sender is configured`);
          await sender.send({ to: n.address, subject: n.subject, body: n.body });
        }
      } catch (err) {
        error = (err as Error).message.slice(0, 500) || 'send failed';
      }
      await deps.db.transaction(async (tx) => {
        if (!error) {
          await tx.query(`update notifications set status = 'sent', sent_at = $2, lease_until = null, last_error = null where id = $1 and status = 'sending'`, [n.id, now]);
        } else if (n.attempts >= n.max_attempts) {
          await tx.query(`update notifications set status = 'failed', lease_until = null, last_error = $2 where id = $1 and status = 'sending'`, [n.id, error]);
          await appendEvent(tx, {
            actor: { kind: 'system', orgId: n.org_id }, type: 'notification.failed', entityType: 'incident', entityId: n.incident_id, at: now,
            data: { notificationId: n.id, channel: n.channel, attempts: n.attempts, error },
          });
          if (n.incident_id) await publishLive(tx, n.org_id, 'incident', { incidentId: n.incident_id }, now);
        } else {
          await tx.query(
            `update notifications set status = 'pending', lease_until = null, last_error = $2, next_attempt_at = $3 where id = $1 and status = 'sending'`,
            [n.id, error, new Date(now.getTime() + retryDelayMs(n.attempts))],
          );
        }
      });
    }
    return claimed.length;
  },
  async nextDueAt(deps) {
    const [row] = await deps.db.query<{ at: Date | null }>(
      `select least((select min(next_attempt_at) from notifications where status = 'pending'),
                    (select min(lease_until) from notifications where status = 'sending')) as at`,
    );
    return row?.at ?? null;
  },
};
