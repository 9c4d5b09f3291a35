import type { Deps } from '../../src/app/deps.ts';
import type { Message, Notifiers, Sender } from '../../src/app/notifications/notifiers.ts';
import { newId } from '../../src/db/ids.ts';
import type { Queryable } from '../../src/db/port.ts';
import type { DemoOrganisation } from '../../src/demo/organisation.ts';
import { alertStepsModule } from '../../src/engine/alert-steps.ts';
import { runUntilIdle, type EngineDeps, type EngineModule } from '../../src/engine/engine.ts';
import { missedWindowModule } from '../../src/engine/missed-window.ts';
import { notificationOutboxModule } from '../../src/engine/notification-outbox.ts';
import { scheduleSyncModule } from '../../src/engine/schedule-sync.ts';
import { stageDeadlinesModule } from '../../src/engine/stage-deadlines.ts';
import { shippedBankHolidays } from '../../src/domain/time/bank-holidays.ts';

/** A fake outside sender (email or SMS provider): records what it was asked to send; can be told to fail. */
export class FakeSender implements Sender {
  sent: Message[] = [];
  failuresLeft = 0;
  async send(m: Message) {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('provider unavailable');
    }
    this.sent.push(m);
    return { providerId: `fake-${this.sent.length}` };
  }
}

/**
 * The engine with the incident workflow's modules, on the test's manual clock, with fake
 * outside senders. The deps it returns carry the fakes, so use-cases enqueue SMS and email too.
 */
export function incidentEngine(base: Deps) {
  const email = new FakeSender();
  const sms = new FakeSender();
  const notifiers: Notifiers = { email, sms };
  // The HTTP app closes over the same deps object, so its use-cases enqueue to the fakes too.
  const deps = Object.assign(base, { notifiers });
  const engineDeps: EngineDeps = { ...deps, holidays: shippedBankHolidays(), log: () => undefined };
  const modules: EngineModule[] = [scheduleSyncModule, missedWindowModule, stageDeadlinesModule, alertStepsModule, notificationOutboxModule];
  return { deps, engineDeps, modules, email, sms, run: () => runUntilIdle(engineDeps, modules) };
}

export async function setEscalationSettings(db: Queryable, orgId: string, settings: Record<string, unknown>): Promise<void> {
  await db.query(`update organisations set settings = settings || $2::jsonb where id = $1`, [orgId, JSON.stringify(settings)]);
}

export async function seedContact(
  db: Queryable, org: DemoOrganisation, personId: string,
  c: { name: string; kind?: string; relationship?: string; hasConsent: boolean; fromStage: number; rank?: number }, at: Date,
): Promise<string> {
  const id = newId(at.getTime());
  await db.query(
    `insert into person_contacts (id, org_id, person_id, kind, name, relationship, phone, rank, has_consent, contactable_from_stage, created_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,'07700 900999',$7,$8,$9,$10,$10)`,
    [id, org.orgId, personId, c.kind ?? 'family', c.name, c.relationship ?? '', c.rank ?? 1, c.hasConsent, c.fromStage, at],
  );
  return id;
}

/** An on-call shift straight into the rota table. */
export async function seedShift(db: Queryable, org: DemoOrganisation, staffId: string, level: number, from: Date, to: Date, service: 'scheme' | 'community' | null = 'scheme') {
  await db.query(
    `insert into oncall_shifts (id, org_id, service_id, staff_id, level, starts_at, ends_at, created_at) values ($1,$2,$3,$4,$5,$6,$7,$6)`,
    [newId(from.getTime()), org.orgId, service ? org.serviceIds[service] : null, staffId, level, from, to],
  );
}

export const eventsOf = (db: Queryable, incidentId: string) =>
  db.query<{ type: string; data: Record<string, unknown>; reason: string | null; actor_id: string | null; at: Date }>(
    `select type, data, reason, actor_id, at from events where entity_type = 'incident' and entity_id = $1 order by seq`, [incidentId]);
