import type { Deps } from '../app/deps.ts';
import { addContact } from '../app/people/record-contact.ts';
import { createPerson } from '../app/people/create-person.ts';
import { addDevice } from '../app/people/record-device.ts';
import { recordAbsence } from '../app/people/record-absence.ts';
import { writeProtocolVersion } from '../app/people/write-protocol-version.ts';
import type { StaffActor } from '../domain/access/actor.ts';
import { londonDate } from '../domain/people/dates.ts';
import { personInput, contactInput, type PersonFields } from '../domain/people/person-input.ts';
import type { ProtocolContent } from '../domain/protocol/content.ts';
import type { DemoOrganisation } from './organisation.ts';

/**
 * Six fictional people for the demo organisation, from docs SCENARIOS.md: Amir (epilepsy, high
 * risk), Joan (telecare check-in, church routine), Pete (in hospital), Lena (insulin at 08:00),
 * Dev (did not consent to his sister being contacted) and Maya (community team). Each has a
 * protocol written through the same use-cases staff use, so the demo's record is real.
 */
export async function loadDemoPeople(deps: Deps, demo: DemoOrganisation): Promise<void> {
  const actor: StaffActor = {
    kind: 'staff', id: demo.staffIds.registered_manager, orgId: demo.orgId, role: 'registered_manager', name: 'Rachel Moss',
    serviceIds: [demo.serviceIds.scheme, demo.serviceIds.community],
  };
  const now = deps.clock.now();
  const review = londonDate(new Date(now.getTime() + 180 * 86_400_000));
  const scheme = demo.serviceIds.scheme;
  const visit = (key: string, time: string, windowMinutes: number, extra: Partial<ProtocolContent['expectedContacts'][number]> = {}) => ({
    key, kind: 'visit' as const, times: [time], recurrence: { type: 'daily' as const }, windowMinutes, carriesMedication: false, skipOnBankHolidays: false, ...extra,
  });
  const phone = (attempts: number, spacingMinutes: number, detail = 'mobile') => ({ method: 'phone_call' as const, detail, attempts, spacingMinutes });
  const involvement = (howInvolved: string, wishes: string) => ({ howInvolved, wishes, wishesNoResponse: false });

  const add = async (
    fields: Omit<PersonFields, 'serviceId'> & { serviceId?: string },
    protocol: ProtocolContent,
    contacts: Parameters<typeof contactInput.parse>[0][] = [],
  ) => {
    const person = await createPerson(deps, actor, personInput.parse({ serviceId: scheme, ...fields }));
    for (const c of contacts) await addContact(deps, actor, person.id, { ...contactInput.parse(c), consentReason: 'Agreed when the protocol was written' });
    await writeProtocolVersion(deps, actor, person.id, { baseVersion: 0, content: protocol, reason: 'First protocol, written with the person' });
    return person.id;
  };

  await add(
    { givenName: 'Amir', familyName: 'Haddad', dateOfBirth: '12/04/1988', nhsNumber: '9434765919', address: 'Flat 3, Riverside Court, Mill Lane, Leeds', postcode: 'LS1 4AP',
      supportTypes: ['scheduled_visits'], healthConditions: 'Epilepsy: tonic-clonic seizures, often at night', fallsRisk: 'high',
      accessArrangements: 'Sam Jones (flat 4) holds a key: 07700 900201. Key-safe code held by the on-call manager.' },
    { risk: { assessedLevel: 'high', factors: ['Epilepsy with night seizures', 'Lives alone'] }, expectedContacts: [visit('morning-visit', '09:00', 15)],
      contactMethods: [phone(2, 2), { method: 'door_knock', detail: 'front door', attempts: 2, spacingMinutes: 1 }], knownRoutines: [],
      specificRisks: [{ risk: 'Seizure', lookFor: 'No answer, curtains closed, television on; he may be asleep and hard to wake after a seizure' }],
      involvement: involvement('Wrote this plan with Amir at his flat', 'Call my mobile before knocking'), nextReviewDate: review },
    [{ kind: 'key_holder', name: 'Sam Jones', relationship: 'Neighbour at flat 4', phone: '07700 900201', rank: 1, hasConsent: true, contactableFromStage: 4 }],
  );

  const joan = await add(
    { givenName: 'Joan', familyName: 'Bell', dateOfBirth: '02/03/1941', nhsNumber: '9434765870', address: 'Flat 8, Riverside Court, Mill Lane, Leeds', postcode: 'LS1 4AP',
      supportTypes: ['welfare_checks'], culturalRoutines: 'Church on Sunday mornings', fallsRisk: 'medium' },
    { risk: { assessedLevel: 'low', factors: ['Independent; good health'] },
      expectedContacts: [{ key: 'sunday-checkin', kind: 'telecare_checkin', times: ['10:00'], recurrence: { type: 'weekdays', days: ['sun'] }, windowMinutes: 30, carriesMedication: false, skipOnBankHolidays: false }],
      contactMethods: [phone(1, 0)], knownRoutines: [{ days: ['sun'], from: '10:00', to: '12:00', place: 'church (St Mary’s)' }], specificRisks: [],
      involvement: involvement('Joan chose the Sunday check-in herself', 'Ring my mobile, I may be at church'), nextReviewDate: review },
  );
  await addDevice(deps, actor, joan, {
    kind: 'checkin_device', purpose: 'Weekly check-in button', limitations: 'Only works at home', monitoredBy: 'Riverside Court team',
    failureMeaning: 'A missed check-in may only mean she is at church; still call her', externalDeviceId: 'demo-joan-checkin',
  });

  const pete = await add(
    { givenName: 'Pete', familyName: 'Morris', dateOfBirth: '19/09/1957', nhsNumber: '9434765862', address: 'Flat 12, Riverside Court, Mill Lane, Leeds', postcode: 'LS1 4AP',
      supportTypes: ['scheduled_visits'], healthConditions: 'COPD', housingProvider: 'Riverside Housing' },
    { risk: { assessedLevel: 'medium', factors: ['COPD', 'Recent chest infection'] }, expectedContacts: [visit('morning-visit', '10:00', 30)],
      contactMethods: [phone(2, 5, 'landline')], knownRoutines: [], specificRisks: [{ risk: 'Breathlessness', lookFor: 'Sounds of distress; inhaler not used' }],
      involvement: involvement('Agreed with Pete and his daughter', 'Use the landline; I do not use a mobile'), nextReviewDate: review },
  );
  const thursday = new Date(now);
  do thursday.setUTCDate(thursday.getUTCDate() + 1); while (thursday.getUTCDay() !== 4);
  thursday.setUTCHours(12, 0, 0, 0);
  await recordAbsence(deps, actor, pete, {
    kind: 'hospital_admission', startsAt: new Date(now.getTime() - 86_400_000), expectedEndAt: thursday, note: 'St James’s, ward 12; discharge expected Thursday',
  });

  await add(
    { givenName: 'Lena', familyName: 'Novak', dateOfBirth: '30/07/1972', nhsNumber: '4010232137', address: 'Flat 5, Riverside Court, Mill Lane, Leeds', postcode: 'LS1 4AP',
      supportTypes: ['scheduled_visits'], healthConditions: 'Type 1 diabetes', isMedicationCritical: true, medicationCriticalDetail: 'Insulin with breakfast at the 08:00 visit' },
    { risk: { assessedLevel: 'medium', factors: ['Type 1 diabetes: hypoglycaemia if insulin and food are missed'] },
      expectedContacts: [visit('morning-visit', '08:00', 15, { carriesMedication: true })], contactMethods: [phone(2, 2)], knownRoutines: [],
      specificRisks: [{ risk: 'Hypoglycaemia', lookFor: 'Confusion, sweating, no answer' }],
      involvement: involvement('Lena wrote her wishes herself', 'Come at 08:00 sharp'), nextReviewDate: review },
  );

  await add(
    { givenName: 'Devendra', preferredName: 'Dev', familyName: 'Shah', dateOfBirth: '08/01/1990', address: 'Flat 10, Riverside Court, Mill Lane, Leeds', postcode: 'LS1 4AP',
      supportTypes: ['welfare_checks'], communicationCategories: ['neurodivergence'], communicationNeeds: 'Autistic: prefers text messages to calls' },
    { risk: { assessedLevel: 'medium', factors: ['Anxiety; may not answer when overwhelmed'] },
      expectedContacts: [{ key: 'evening-call', kind: 'phone_check', times: ['18:00'], recurrence: { type: 'daily' }, windowMinutes: 60, carriesMedication: false, skipOnBankHolidays: false }],
      contactMethods: [{ method: 'text_message', detail: 'mobile', attempts: 2, spacingMinutes: 10 }, phone(1, 0)], knownRoutines: [], specificRisks: [],
      involvement: involvement('Dev has capacity and chose who may be contacted', 'Do not contact my sister'), nextReviewDate: review },
    [
      { kind: 'advocate', name: 'Chris Taylor', relationship: 'Advocate', phone: '07700 900211', rank: 1, hasConsent: true, contactableFromStage: 3 },
      { kind: 'family', name: 'Priya Shah', relationship: 'Sister', phone: '07700 900212', rank: 2, hasConsent: false, contactableFromStage: 4 },
    ],
  );

  await add(
    { serviceId: demo.serviceIds.community, givenName: 'Maya', familyName: 'Osei', dateOfBirth: '14/11/1983', address: '27 Beck Road, Leeds', postcode: 'LS8 2QT',
      supportTypes: ['outreach'], hasHistoryOfDisengagement: true, disengagementNote: 'Stops answering when her mood is low', selfNeglectRisk: 'medium',
      careCoordinatorId: demo.staffIds.care_coordinator },
    { risk: { assessedLevel: 'medium', factors: ['History of disengagement', 'Self-neglect when unwell'] },
      expectedContacts: [{ key: 'outreach-visit', kind: 'welfare_check', times: ['14:00'], recurrence: { type: 'weekdays', days: ['mon', 'wed', 'fri'] }, windowMinutes: 60, carriesMedication: false, skipOnBankHolidays: true }],
      contactMethods: [phone(3, 10), { method: 'door_knock', detail: 'front door', attempts: 1, spacingMinutes: 0 }], knownRoutines: [],
      specificRisks: [{ risk: 'Self-neglect', lookFor: 'Post piling up, no food in, curtains closed for days' }],
      involvement: involvement('Planned with Maya and her care coordinator', 'Knock loudly; I do not always hear the phone'), nextReviewDate: review },
  );
}
