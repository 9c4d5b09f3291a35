import type { Deps } from '../app/deps.ts';
import { newId } from '../db/ids.ts';
import type { DemoOrganisation } from './organisation.ts';

/**
 * Demo on-call arrangements (no-response policy §12: cover at all times): the team leader is
 * first on call for every service for the next year, the registered manager second and the
 * fallback; alerts repeat every 5 minutes, twice, before moving on.
 */
export async function loadDemoRota(deps: Deps, demo: DemoOrganisation): Promise<void> {
  const now = deps.clock.now();
  const yearOn = new Date(now.getTime() + 365 * 86_400_000);
  await deps.db.transaction(async (tx) => {
    await tx.query(`update organisations set settings = settings || $2::jsonb where id = $1`, [demo.orgId, JSON.stringify({
      escalation: { fallbackStaffId: demo.staffIds.registered_manager, alerts: { repeatIntervalMinutes: 5, repeatsBeforeNext: 2 } },
    })]);
    for (const [role, level] of [['team_leader', 1], ['registered_manager', 2]] as const) {
      await tx.query(
        `insert into oncall_shifts (id, org_id, service_id, staff_id, level, starts_at, ends_at, note, created_at) values ($1,$2,null,$3,$4,$5,$6,'Demo rota',$5)`,
        [newId(now.getTime()), demo.orgId, demo.staffIds[role], level, now, yearOn],
      );
    }
  });
}
