import { protocolContent, type ProtocolContent } from '../../domain/protocol/content.ts';
import { parseDateInput } from '../../domain/people/dates.ts';

/**
 * The protocol editor's working copy: what the inputs hold (text for numbers and dates, as typed),
 * turned into protocol content and checked with the shared schema before it is sent, so that
 * every problem is shown beside its field at once (the server checks again).
 */
export type ContactDraft = {
  key: string; kind: string; times: string; recurrenceType: string; days: string[]; date: string; n: string; startDate: string;
  windowMinutes: string; carriesMedication: boolean; skipOnBankHolidays: boolean; note: string;
};
export type MethodDraft = { method: string; detail: string; attempts: string; spacingMinutes: string; adjustments: string };
export type RoutineDraft = { days: string[]; from: string; to: string; place: string; note: string };
export type RiskDraft = { risk: string; lookFor: string };
export type Draft = {
  assessedLevel: string; factors: string; overrideLevel: string; overrideReason: string;
  expectedContacts: ContactDraft[]; contactMethods: MethodDraft[];
  customDeadlines: boolean; deadlines: Record<'1' | '2' | '3' | '4', string>;
  knownRoutines: RoutineDraft[]; specificRisks: RiskDraft[];
  howInvolved: string; wishes: string; wishesNoResponse: boolean; dutyThatRemains: string;
  nextReviewDate: string;
};

const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const newContact = (i: number): ContactDraft => ({
  key: `contact-${i + 1}`, kind: 'visit', times: '09:00', recurrenceType: 'daily', days: [], date: '', n: '2', startDate: '',
  windowMinutes: '15', carriesMedication: false, skipOnBankHolidays: false, note: '',
});
export const newMethod = (): MethodDraft => ({ method: 'phone_call', detail: '', attempts: '2', spacingMinutes: '2', adjustments: '' });
export const newRoutine = (): RoutineDraft => ({ days: [], from: '', to: '', place: '', note: '' });
export const newRisk = (): RiskDraft => ({ risk: '', lookFor: '' });

export function draftFrom(c: ProtocolContent | null): Draft {
  if (!c) {
    return {
      assessedLevel: 'medium', factors: '', overrideLevel: '', overrideReason: '', expectedContacts: [newContact(0)], contactMethods: [newMethod()],
      customDeadlines: false, deadlines: { 1: '', 2: '', 3: '', 4: '' }, knownRoutines: [], specificRisks: [],
      howInvolved: '', wishes: '', wishesNoResponse: false, dutyThatRemains: '', nextReviewDate: '',
    };
  }
  return {
    assessedLevel: c.risk.assessedLevel, factors: c.risk.factors.join('\n'), overrideLevel: c.risk.overrideLevel ?? '', overrideReason: c.risk.overrideReason ?? '',
    expectedContacts: c.expectedContacts.map((e) => ({
      key: e.key, kind: e.kind, times: e.times.join(', '), recurrenceType: e.recurrence.type,
      days: e.recurrence.type === 'weekdays' ? [...e.recurrence.days] : [], date: e.recurrence.type === 'once' ? uk(e.recurrence.date) : '',
      n: e.recurrence.type === 'every_n_days' ? String(e.recurrence.n) : '2', startDate: e.recurrence.type === 'every_n_days' ? uk(e.recurrence.startDate) : '',
      windowMinutes: String(e.windowMinutes), carriesMedication: e.carriesMedication, skipOnBankHolidays: e.skipOnBankHolidays, note: e.note ?? '',
    })),
    contactMethods: c.contactMethods.map((m) => ({ method: m.method, detail: m.detail, attempts: String(m.attempts), spacingMinutes: String(m.spacingMinutes), adjustments: m.adjustments ?? '' })),
    customDeadlines: Boolean(c.stageDeadlines),
    deadlines: c.stageDeadlines
      ? { 1: String(c.stageDeadlines[1]), 2: String(c.stageDeadlines[2]), 3: String(c.stageDeadlines[3]), 4: String(c.stageDeadlines[4]) }
      : { 1: '', 2: '', 3: '', 4: '' },
    knownRoutines: c.knownRoutines.map((r) => ({ days: [...r.days], from: r.from, to: r.to, place: r.place, note: r.note ?? '' })),
    specificRisks: c.specificRisks.map((r) => ({ ...r })),
    howInvolved: c.involvement.howInvolved, wishes: c.involvement.wishes, wishesNoResponse: c.involvement.wishesNoResponse,
    dutyThatRemains: c.involvement.dutyThatRemains ?? '', nextReviewDate: uk(c.nextReviewDate),
  };
}

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
const date = (s: string) => parseDateInput(s) ?? s;
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

export function contentFrom(d: Draft): unknown {
  return {
    risk: {
      assessedLevel: d.assessedLevel, factors: d.factors.split('\n').map((f) => f.trim()).filter(Boolean),
      overrideLevel: opt(d.overrideLevel), overrideReason: opt(d.overrideReason),
    },
    expectedContacts: d.expectedContacts.map((e) => ({
      key: e.key.trim(), kind: e.kind, times: e.times.split(',').map((t) => t.trim()).filter(Boolean),
      recurrence: e.recurrenceType === 'daily' ? { type: 'daily' }
        : e.recurrenceType === 'weekdays' ? { type: 'weekdays', days: e.days }
          : e.recurrenceType === 'once' ? { type: 'once', date: date(e.date) }
            : { type: 'every_n_days', n: num(e.n), startDate: date(e.startDate) },
      windowMinutes: num(e.windowMinutes), carriesMedication: e.carriesMedication, skipOnBankHolidays: e.skipOnBankHolidays, note: opt(e.note),
    })),
    contactMethods: d.contactMethods.map((m) => ({ method: m.method, detail: m.detail.trim(), attempts: num(m.attempts), spacingMinutes: num(m.spacingMinutes), adjustments: opt(m.adjustments) })),
    stageDeadlines: d.customDeadlines ? { 1: num(d.deadlines[1]), 2: num(d.deadlines[2]), 3: num(d.deadlines[3]), 4: num(d.deadlines[4]) } : undefined,
    knownRoutines: d.knownRoutines.map((r) => ({ days: r.days, from: r.from.trim(), to: r.to.trim(), place: r.place.trim(), note: opt(r.note) })),
    specificRisks: d.specificRisks.map((r) => ({ risk: r.risk.trim(), lookFor: r.lookFor.trim() })),
    involvement: { howInvolved: d.howInvolved, wishes: d.wishes, wishesNoResponse: d.wishesNoResponse, dutyThatRemains: opt(d.dutyThatRemains) },
    nextReviewDate: date(d.nextReviewDate),
  };
}

/** Every problem, keyed by the API's field name (content.expectedContacts.0.windowMinutes …). */
export function problemsOf(d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  const r = protocolContent.safeParse(contentFrom(d));
  if (!r.success) {
    for (const issue of r.error.issues) {
      const key = ['content', ...issue.path.map(String)].join('.');
      out[key] ??= issue.code === 'invalid_type' ? 'Enter a number' : issue.message;
    }
  }
  // The schema speaks of yyyy-mm-dd; people type dd/mm/yyyy.
  if (!parseDateInput(d.nextReviewDate)) out['content.nextReviewDate'] = 'Enter a real date, like 01/05/2027';
  return out;
}

/** The input id for an API field name. */
export const fieldId = (field: string) => `pe-${field.replace(/\./g, '-')}`;
