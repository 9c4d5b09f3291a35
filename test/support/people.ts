import type { ProtocolContent } from '../../src/domain/protocol/content.ts';
import type { Session, TestApp } from './app.ts';

/** Test data for people and protocols (fictional). NHS numbers are valid test numbers (check digit right). */

export const VALID_NHS_NUMBERS = ['9434765919', '9434765870', '9434765862', '4010232137'];

export function samplePerson(serviceId: string, overrides: Record<string, unknown> = {}) {
  return {
    serviceId,
    givenName: 'Amir',
    familyName: 'Haddad',
    dateOfBirth: '1988-04-12',
    nhsNumber: '943 476 5919',
    address: 'Flat 3, Riverside Court, 12 Mill Lane, Leeds',
    postcode: 'ls1 4ap',
    supportTypes: ['scheduled_visits'],
    healthConditions: 'Epilepsy (tonic-clonic seizures)',
    accessArrangements: 'Neighbour at flat 4 holds a key; key-safe code held by the on-call manager',
    ...overrides,
  };
}

export function sampleProtocol(overrides: Partial<ProtocolContent> = {}): ProtocolContent {
  return {
    risk: { assessedLevel: 'high', factors: ['Epilepsy with seizures at night', 'Lives alone'] },
    expectedContacts: [{
      key: 'morning-visit', kind: 'visit', times: ['09:00'], recurrence: { type: 'daily' }, windowMinutes: 15,
      carriesMedication: false, skipOnBankHolidays: false,
    }],
    contactMethods: [{ method: 'phone_call', detail: 'mobile', attempts: 2, spacingMinutes: 2 }],
    knownRoutines: [],
    specificRisks: [{ risk: 'Seizure', lookFor: 'No answer, curtains closed, television on' }],
    involvement: { howInvolved: 'Wrote this plan with Amir at his flat', wishes: 'Call my mobile before knocking', wishesNoResponse: false },
    nextReviewDate: '2027-05-01',
    ...overrides,
  };
}

export type SeededPerson = { personId: string; contactId: string; deviceId: string; absenceId: string };

/** Creates a person with a contact, a device, an absence and a protocol through the API, as `session`. */
export async function seedPerson(t: TestApp, session: Session, serviceId: string, overrides: Record<string, unknown> = {}): Promise<SeededPerson> {
  const call = async (method: 'POST', url: string, payload: unknown) => {
    const res = await t.call(session, { method, url, payload: payload as never });
    if (res.statusCode !== 201) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const person = await call('POST', '/api/people', samplePerson(serviceId, { nhsNumber: null, ...overrides }));
  const contact = await call('POST', `/api/people/${person.id}/contacts`, {
    kind: 'neighbour', name: 'Sam Jones', relationship: 'Neighbour', phone: '07700 900201', rank: 1, hasConsent: true, contactableFromStage: 4,
  });
  const device = await call('POST', `/api/people/${person.id}/devices`, {
    kind: 'pendant_alarm', purpose: 'Calls for help', monitoredBy: 'Telecare centre', failureMeaning: 'No way to call for help',
  });
  const absence = await call('POST', `/api/people/${person.id}/absences`, { kind: 'holiday', startsAt: '2027-01-01T10:00:00Z', expectedEndAt: '2027-01-08T10:00:00Z' });
  await call('POST', `/api/people/${person.id}/protocol`, { baseVersion: 0, content: sampleProtocol(), reason: 'First protocol' });
  return { personId: person.id, contactId: contact.id, deviceId: device.id, absenceId: absence.id };
}
