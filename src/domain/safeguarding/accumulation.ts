/**
 * Accumulation of lower-level concerns. The thresholds guidance (lower-level column heading):
 * where there are "a number of low-level incidents", consider whether the threshold for an
 * enquiry is met because the risk has grown. It gives no figure, so the number and window are an
 * organisation setting (organisations.settings.safeguarding.accumulation). Default: 3 concerns in
 * 90 days — three is the smallest count that is a pattern rather than a repeat, and 90 days is
 * one quarter, the cycle of the provider's quality reviews (no-response policy §8). The window is
 * rolling: 90 × 24 hours back from the new concern.
 *
 * A prompt never changes the suggested outcome: it asks the safeguarding lead to reconsider.
 */

export type AccumulationSettings = { count: number; windowDays: number };
export const DEFAULT_ACCUMULATION: AccumulationSettings = { count: 3, windowDays: 90 };

export type EarlierConcern = {
  id: string;
  raisedAt: Date;
  personIds: readonly string[];
  allegedStaffIds: readonly string[];
  /** Decided (or, undecided, suggested) as lower-level or no further action. */
  isLowerLevel: boolean;
};

export type RelatedConcern = { concernId: string; raisedAt: string; reasons: ('same_person' | 'same_staff_member')[] };
export type AccumulationPrompt = {
  prompt: boolean;
  message: string;
  count: number;
  windowDays: number;
  related: RelatedConcern[];
};

const DAY_MS = 86_400_000;

export function parseAccumulationSettings(raw: unknown): AccumulationSettings {
  const r = (raw ?? {}) as Partial<AccumulationSettings>;
  const count = Number.isInteger(r.count) && r.count! >= 2 && r.count! <= 20 ? r.count! : DEFAULT_ACCUMULATION.count;
  const windowDays = Number.isInteger(r.windowDays) && r.windowDays! >= 1 && r.windowDays! <= 730 ? r.windowDays! : DEFAULT_ACCUMULATION.windowDays;
  return { count, windowDays };
}

/**
 * Whether this concern, with the earlier lower-level ones about the same person or involving the
 * same staff member inside the window, reaches the configured count. Links every earlier concern
 * that counted.
 */
export function accumulationPrompt(
  current: { id?: string; raisedAt: Date; personIds: readonly string[]; allegedStaffIds: readonly string[] },
  earlier: readonly EarlierConcern[],
  settings: AccumulationSettings = DEFAULT_ACCUMULATION,
): AccumulationPrompt {
  const from = current.raisedAt.getTime() - settings.windowDays * DAY_MS;
  const inWindow = earlier.filter((e) =>
    e.id !== current.id && e.isLowerLevel && e.raisedAt.getTime() > from && e.raisedAt.getTime() <= current.raisedAt.getTime());
  const related = new Map<string, RelatedConcern>();
  const hits: string[] = [];
  const group = (reason: 'same_person' | 'same_staff_member', matches: EarlierConcern[], words: string) => {
    if (matches.length + 1 < settings.count) return;
    hits.push(`${matches.length + 1} lower-level concerns ${words} within ${settings.windowDays} days`);
    for (const m of matches) {
      const r = related.get(m.id) ?? { concernId: m.id, raisedAt: m.raisedAt.toISOString(), reasons: [] };
      if (!r.reasons.includes(reason)) r.reasons.push(reason);
      related.set(m.id, r);
    }
  };
  for (const p of new Set(current.personIds)) group('same_person', inWindow.filter((e) => e.personIds.includes(p)), 'about this person');
  for (const s of new Set(current.allegedStaffIds)) group('same_staff_member', inWindow.filter((e) => e.allegedStaffIds.includes(s)), 'involving the same staff member');
  const list = [...related.values()].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  if (hits.length === 0) return { prompt: false, message: '', count: settings.count, windowDays: settings.windowDays, related: [] };
  return {
    prompt: true,
    message: `${hits.join('; ')}. Consider whether the threshold for a section 42 enquiry is now met: a number of low-level incidents can together mean the risk has grown.`,
    count: settings.count,
    windowDays: settings.windowDays,
    related: list,
  };
}
