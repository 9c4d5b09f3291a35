import { z } from 'zod';
import { DEFAULT_STAGE_DEADLINES, stageDeadlines, type RiskLevel, type StageDeadlines } from '../protocol/content.ts';
import { alertPolicySchema, DEFAULT_ALERT_POLICY, type AlertPolicy } from './alerts.ts';
import { DEFAULT_WORKING_HOURS, workingHoursSchema, type WorkingHours } from './working-time.ts';

/**
 * The organisation settings the escalation workflow reads (organisations.settings jsonb):
 * `workingHours`, `escalation.alerts`, `escalation.fallbackStaffId`, `escalation.stageDeadlines`
 * (defaults by risk). Anything missing or malformed falls back to the documented defaults, so a
 * bad setting can never stop an alert.
 */
const escalationSchema = z.object({
  alerts: alertPolicySchema.optional(),
  fallbackStaffId: z.string().uuid().optional(),
  stageDeadlines: z.object({ low: stageDeadlines, medium: stageDeadlines, high: stageDeadlines }).optional(),
});

export type EscalationSettings = {
  workingHours: WorkingHours;
  alerts: AlertPolicy;
  fallbackStaffId: string | null;
  stageDeadlines: Record<RiskLevel, StageDeadlines>;
};

export function escalationSettings(settings: unknown): EscalationSettings {
  const s = (settings && typeof settings === 'object' ? settings : {}) as Record<string, unknown>;
  const wh = workingHoursSchema.safeParse(s.workingHours ?? {});
  const esc = escalationSchema.safeParse(s.escalation ?? {});
  const e = esc.success ? esc.data : {};
  return {
    workingHours: wh.success ? wh.data : DEFAULT_WORKING_HOURS,
    alerts: e.alerts ?? DEFAULT_ALERT_POLICY,
    fallbackStaffId: e.fallbackStaffId ?? null,
    stageDeadlines: e.stageDeadlines ?? DEFAULT_STAGE_DEADLINES,
  };
}
