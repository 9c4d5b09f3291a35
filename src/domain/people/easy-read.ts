import type { ProtocolContent } from '../protocol/content.ts';
import { stageDeadlinesFor } from '../protocol/content.ts';

/**
 * The easy-read protocol (no-response policy §19): what staff will do if the person does not
 * answer, who will be contacted and when, and how to change it — in short sentences and plain
 * words, one idea per line, for a printable page and a PDF in large type. Only contacts the
 * person agreed to are named (§14); the stage numbers are the "steps" of §20.1.
 */

export type EasyReadContact = { name: string; relationship: string; kind: string; contactableFromStage: number; hasConsent: boolean };
export type EasyReadInput = {
  name: string;
  serviceName: string;
  careCoordinatorName: string | null;
  medicationCriticalDetail: string | null;
  protocol: ProtocolContent;
  contacts: EasyReadContact[];
  /** The organisation's default stage deadlines by risk (settings); the shipped defaults when absent. */
  orgDefaults?: Parameters<typeof stageDeadlinesFor>[1];
};
export type EasyReadSection = { heading: string; lines: string[] };
export type EasyReadDocument = { title: string; subtitle: string; sections: EasyReadSection[] };

const DAY_WORDS: Record<string, string> = {
  mon: 'Mondays', tue: 'Tuesdays', wed: 'Wednesdays', thu: 'Thursdays', fri: 'Fridays', sat: 'Saturdays', sun: 'Sundays',
};
const KIND_WORDS: Record<string, string> = {
  visit: 'a visit', welfare_check: 'a welfare check', phone_check: 'a phone call', telecare_checkin: 'a check-in on your telecare', sleep_in_check: 'a night check',
};
const METHOD_WORDS: Record<string, string> = {
  phone_call: 'phone you', text_message: 'send you a text message', door_knock: 'knock on your door', intercom: 'buzz your intercom',
  telecare_call: 'call you through your telecare', video_call: 'video call you', email: 'email you', letter: 'leave you a letter',
};
const CONTACT_KIND_WORDS: Record<string, string> = {
  family: 'family', advocate: 'your advocate', neighbour: 'your neighbour', key_holder: 'has a key', attorney_health_welfare: 'your attorney for health and welfare',
  attorney_property_affairs: 'your attorney for money and property', deputy: 'your deputy', other: '',
};

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const dayList = (ds: readonly string[]) => (ds.length === 7 ? 'every day' : `on ${list(ds.map((d) => DAY_WORDS[d]))}`);
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const minutes = (n: number) => (n === 1 ? '1 minute' : n < 120 || n % 60 ? `${n} minutes` : `${n / 60} hours`);

function addMinutes(hhmm: string, add: number): string {
  const total = (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) + add) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function easyReadDocument(input: EasyReadInput): EasyReadDocument {
  const p = input.protocol;
  const deadlines = stageDeadlinesFor(p, input.orgDefaults);
  const sections: EasyReadSection[] = [];

  sections.push({
    heading: 'Why you have this plan',
    lines: ['Staff visit you or call you at times we agreed with you.', 'If you do not answer, we want to check that you are safe.', 'This plan says what we will do.'],
  });

  const expected = p.expectedContacts.map((c) => {
    const r = c.recurrence;
    const when = r.type === 'daily' ? 'Every day' : r.type === 'weekdays' ? dayList(r.days).replace(/^on /, 'On ') : r.type === 'once' ? `On ${ukDate(r.date)}` : `Every ${r.n} days`;
    return `${when} at ${list(c.times)}: ${KIND_WORDS[c.kind]}. If we have not heard from you ${minutes(c.windowMinutes)} after that, we start to check.`;
  });
  sections.push({ heading: 'When we expect to hear from you', lines: expected.length ? expected : ['We will agree times with you.'] });

  const attempts = p.contactMethods.map((m) => `${METHOD_WORDS[m.method]} ${times(m.attempts)}`);
  const steps = [
    'Step 1. We look and listen outside your home. We do not break in.',
    `Step 2. We try to reach you. We will ${list(attempts)}.`,
    `Step 3. If you still do not answer, staff tell their manager straight away (within ${minutes(deadlines[1] + deadlines[2])}).`,
    'Step 4. The manager may contact the people you agreed to. They are listed below.',
    'Step 5. If we still do not know you are safe, we ask the emergency services or social care to help.',
    'If we think your life is in danger, we call 999 straight away.',
  ];
  sections.push({ heading: 'What staff will do if you do not answer', lines: steps });

  const medication = p.expectedContacts.filter((c) => c.carriesMedication);
  if (medication.length || input.medicationCriticalDetail) {
    const at = medication.flatMap((c) => c.times);
    sections.push({
      heading: 'Your medicine',
      lines: [
        `Your medicine is very important${input.medicationCriticalDetail ? `: ${input.medicationCriticalDetail}` : ''}.`,
        at.length ? `If we cannot reach you at ${list(at)}, we tell a manager straight away.` : 'If we cannot reach you, we tell a manager straight away.',
      ],
    });
  }

  if (p.knownRoutines.length) {
    sections.push({
      heading: 'Times you are often out',
      lines: [
        ...p.knownRoutines.map((r) => `${dayList(r.days).replace(/^on /, 'On ').replace(/^every/, 'Every')} from ${r.from} to ${r.to} you are often at ${r.place}.`),
        'We remember this when you do not answer. We still check you are safe.',
      ],
    });
  }

  const agreed = input.contacts.filter((c) => c.hasConsent).sort((a, b) => a.contactableFromStage - b.contactableFromStage);
  const who = agreed.map((c) => {
    const about = [c.relationship, CONTACT_KIND_WORDS[c.kind]].filter((s) => s && s.trim()).join(', ');
    return `From step ${c.contactableFromStage}: ${c.name}${about ? ` (${about})` : ''}.`;
  });
  sections.push({
    heading: 'Who we will contact, and when',
    lines: [
      ...(who.length ? ['You agreed that we can contact:', ...who] : ['You have not agreed to us contacting anyone.']),
      'We will not contact anyone else unless we think you are in serious danger right now.',
    ],
  });

  if (p.involvement.wishes.trim()) {
    const wishes = [`You told us: ${p.involvement.wishes.trim()}`];
    if (p.involvement.wishesNoResponse) {
      wishes.push('You asked us not to check on you. We respect this.', `We still have to keep you safe: ${p.involvement.dutyThatRemains ?? ''}`);
    }
    sections.push({ heading: 'What you told us', lines: wishes });
  }

  sections.push({
    heading: 'How to change this plan',
    lines: [
      'This is your plan. You can ask to change it at any time.',
      input.careCoordinatorName
        ? `Tell any member of staff, or ${input.careCoordinatorName}, who helps to plan your support.`
        : 'Tell any member of staff.',
      `We will look at this plan with you again by ${ukDate(p.nextReviewDate)}.`,
    ],
  });

  return { title: `What happens if you do not answer`, subtitle: `A plan for ${input.name} — ${input.serviceName}`, sections };
}
