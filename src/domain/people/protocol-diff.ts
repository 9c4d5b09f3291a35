import type { ProtocolContent } from '../protocol/content.ts';
import { DEFAULT_STAGE_DEADLINES, effectiveRisk, stageDeadlinesFor, STAGES } from '../protocol/content.ts';

/**
 * A protocol version as labelled sections of plain lines: what the version history shows side
 * by side, and what the record of a new version names as changed.
 */
export const PROTOCOL_SECTIONS = [
  { key: 'risk', label: 'Risk level' },
  { key: 'expectedContacts', label: 'Expected contacts and response windows' },
  { key: 'contactMethods', label: 'Contact methods, in order' },
  { key: 'stageDeadlines', label: 'Stage deadlines' },
  { key: 'knownRoutines', label: 'Known routines that explain absence' },
  { key: 'specificRisks', label: 'Specific risks and what to look for' },
  { key: 'involvement', label: 'The person’s involvement and wishes' },
  { key: 'nextReviewDate', label: 'Next review' },
] as const;
export type SectionKey = (typeof PROTOCOL_SECTIONS)[number]['key'];

const DAY_NAMES: Record<string, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
const days = (ds: readonly string[]) => (ds.length === 7 ? 'every day' : ds.map((d) => DAY_NAMES[d]).join(', '));
const words = (s: string) => s.replace(/_/g, ' ');
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The section's content as lines of text (stable, so two versions can be compared line by line). */
export function sectionLines(p: ProtocolContent, key: SectionKey): string[] {
  switch (key) {
    case 'risk': {
      const lines = [`Assessed: ${p.risk.assessedLevel}`];
      if (p.risk.overrideLevel) lines.push(`Override: ${p.risk.overrideLevel} — ${p.risk.overrideReason ?? ''}`);
      lines.push(`Governing level: ${effectiveRisk(p)}`);
      for (const f of p.risk.factors) lines.push(`Factor: ${f}`);
      return lines;
    }
    case 'expectedContacts':
      return p.expectedContacts.map((c) => {
        const r = c.recurrence;
        const when = r.type === 'daily' ? 'daily' : r.type === 'once' ? `on ${ukDate(r.date)}` : r.type === 'weekdays' ? days(r.days) : `every ${r.n} days from ${ukDate(r.startDate)}`;
        return `${words(c.kind)} at ${c.times.join(', ')} ${when}; window ${c.windowMinutes} min${c.carriesMedication ? '; carries time-critical medication' : ''}${c.skipOnBankHolidays ? '; not on bank holidays' : ''}${c.note ? ` (${c.note})` : ''}`;
      });
    case 'contactMethods':
      return p.contactMethods.map((m, i) =>
        `${i + 1}. ${words(m.method)}${m.detail ? ` (${m.detail})` : ''}: ${m.attempts} attempt${m.attempts === 1 ? '' : 's'}, ${m.spacingMinutes} min apart${m.adjustments ? `; ${m.adjustments}` : ''}`);
    case 'stageDeadlines': {
      const d = stageDeadlinesFor(p, DEFAULT_STAGE_DEADLINES);
      const source = p.stageDeadlines ? 'set for this person' : `default for ${effectiveRisk(p)} risk`;
      return [`(${source})`, ...STAGES.slice(0, 4).map((s) => `Stage ${s.number} ${s.label}: ${d[s.number as 1 | 2 | 3 | 4]} min`)];
    }
    case 'knownRoutines':
      return p.knownRoutines.map((r) => `${days(r.days)} ${r.from}–${r.to} at ${r.place}${r.note ? ` (${r.note})` : ''}`);
    case 'specificRisks':
      return p.specificRisks.map((r) => `${r.risk}: look for ${r.lookFor}`);
    case 'involvement': {
      const lines = [`How involved: ${p.involvement.howInvolved}`, `Wishes: ${p.involvement.wishes}`];
      if (p.involvement.wishesNoResponse) lines.push(`Asked for no response; duty that remains: ${p.involvement.dutyThatRemains ?? ''}`);
      return lines;
    }
    case 'nextReviewDate':
      return [ukDate(p.nextReviewDate)];
  }
}

/** The sections whose lines differ between two versions (all of them for a first version). */
export function changedSections(before: ProtocolContent | undefined, after: ProtocolContent): SectionKey[] {
  return PROTOCOL_SECTIONS.map((s) => s.key).filter(
    (k) => !before || JSON.stringify(sectionLines(before, k)) !== JSON.stringify(sectionLines(after, k)),
  );
}

export type SideBySideRow = { key: SectionKey; label: string; left: string[]; right: string[]; isChanged: boolean };

/** Two versions section by section, for the side-by-side history view. */
export function sideBySide(left: ProtocolContent, right: ProtocolContent): SideBySideRow[] {
  return PROTOCOL_SECTIONS.map((s) => {
    const l = sectionLines(left, s.key);
    const r = sectionLines(right, s.key);
    return { key: s.key, label: s.label, left: l, right: r, isChanged: JSON.stringify(l) !== JSON.stringify(r) };
  });
}
