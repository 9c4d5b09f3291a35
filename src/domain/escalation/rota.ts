/**
 * Who is on call (no-response policy §12: "clear on-call arrangements are in place at all
 * times"). A rota is shifts per service (level 1 = first to call, level 2 = next in the chain),
 * plus organisation-wide shifts (service null) that back every service, overrides (cover,
 * swaps) that replace one person for part of a shift, and the organisation's fallback person.
 * A handover is simply the boundary between two shifts: the chain is resolved afresh at every
 * alert step, so an unacknowledged alert follows the incoming person.
 */

export type Shift = { id: string; serviceId: string | null; staffId: string; level: number; startsAt: Date; endsAt: Date };
export type Override = { id: string; serviceId: string | null; originalStaffId: string | null; replacementStaffId: string; startsAt: Date; endsAt: Date };

const covers = (x: { startsAt: Date; endsAt: Date }, at: Date) => x.startsAt.getTime() <= at.getTime() && at.getTime() < x.endsAt.getTime();

/** The person actually covering a shift at `at`, after overrides (the latest-starting override wins). */
export function coveringPerson(shift: Shift, overrides: Override[], at: Date): string {
  const applicable = overrides
    .filter((o) => covers(o, at) && o.originalStaffId === shift.staffId && (o.serviceId === null || o.serviceId === shift.serviceId))
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return applicable[0]?.replacementStaffId ?? shift.staffId;
}

/**
 * The escalation chain for a service at an instant: the service's shifts by level, then the
 * organisation-wide shifts by level, then the fallback person; each person once.
 */
export function resolveChain(input: { serviceId: string; at: Date; shifts: Shift[]; overrides: Override[]; fallbackStaffIds: string[] }): string[] {
  const { serviceId, at } = input;
  const live = input.shifts.filter((s) => covers(s, at) && (s.serviceId === serviceId || s.serviceId === null));
  live.sort((a, b) => (a.serviceId === null ? 1 : 0) - (b.serviceId === null ? 1 : 0) || a.level - b.level || a.startsAt.getTime() - b.startsAt.getTime());
  // A whole-service override with no original person ("cover for the rota") stands in front.
  const cover = input.overrides.filter((o) => o.originalStaffId === null && covers(o, at) && (o.serviceId === serviceId || o.serviceId === null)).map((o) => o.replacementStaffId);
  const chain = [...cover, ...live.map((s) => coveringPerson(s, input.overrides, at)), ...input.fallbackStaffIds];
  return [...new Set(chain)];
}

/** A swap is two overrides: each person covers the other's shift for the other's hours. */
export function swapOverrides(a: Shift, b: Shift): Omit<Override, 'id'>[] {
  return [
    { serviceId: a.serviceId, originalStaffId: a.staffId, replacementStaffId: b.staffId, startsAt: a.startsAt, endsAt: a.endsAt },
    { serviceId: b.serviceId, originalStaffId: b.staffId, replacementStaffId: a.staffId, startsAt: b.startsAt, endsAt: b.endsAt },
  ];
}
