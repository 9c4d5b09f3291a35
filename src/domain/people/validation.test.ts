import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessArrangementsProblem } from './access-arrangements.ts';
import { dateOfBirthProblem, isReviewOverdue, londonDate, parseDateInput } from './dates.ts';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.ts';
import { normalisePostcode } from './postcode.ts';
import { contactInput, personInput } from './person-input.ts';

test('NHS numbers: mod-11 check digit', () => {
  const cases: [string, boolean][] = [
    ['9434765919', true],
    ['943 476 5919', true],
    ['943-476-5919', true],
    ['4010232137', true],
    ['9434765918', false], // check digit off by one
    ['9434765910', false],
    ['1234567890', false], // remainder gives 10: never issued
    ['943476591', false], // nine digits
    ['94347659190', false], // eleven digits
    ['94347A5919', false],
    ['', false],
  ];
  for (const [input, valid] of cases) assert.equal(isValidNhsNumber(input), valid, input);
  assert.equal(normaliseNhsNumber(' 943 476 5919 '), '9434765919');
});

test('UK postcodes: every outward format, normalised with one space', () => {
  const cases: [string, string | undefined][] = [
    ['SW1A 1AA', 'SW1A 1AA'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['ls1  4ap', 'LS1 4AP'],
    ['GIR 0AA', 'GIR 0AA'],
    ['SW1A 1AAA', undefined],
    ['12345', undefined],
    ['QA1 1AA', undefined], // Q never starts a postcode
    ['SW1A 1CA', undefined], // C never in the inward code
    ['', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(normalisePostcode(input), expected, input);
});

test('dates typed dd/mm/yyyy or yyyy-mm-dd; impossible dates refused', () => {
  const cases: [string, string | undefined][] = [
    ['23/11/1970', '1970-11-23'],
    ['1/2/2000', '2000-02-01'],
    ['1970-11-23', '1970-11-23'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', undefined],
    ['31/04/2020', undefined],
    ['00/01/2020', undefined],
    ['12/13/2020', undefined],
    ['2020-02-30', undefined],
    ['11/23/1970', undefined], // US order
    ['yesterday', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(parseDateInput(input), expected, input);
  assert.equal(dateOfBirthProblem('2030-01-01', '2026-11-23'), 'The date of birth cannot be in the future');
  assert.equal(dateOfBirthProblem('1850-01-01', '2026-11-23'), 'Check the year of birth');
  assert.equal(dateOfBirthProblem('1970-11-23', '2026-11-23'), undefined);
});

test('review dates are compared with the date in England', () => {
  // 23:30 UTC on 30 June is already 1 July in London (BST).
  assert.equal(londonDate(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
  assert.equal(londonDate(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
  assert.equal(isReviewOverdue('2026-06-30', new Date('2026-06-30T23:30:00Z')), true);
  assert.equal(isReviewOverdue('2026-07-01', new Date('2026-06-30T23:30:00Z')), false);
});

test('access arrangements: who holds keys, never a key-safe code', () => {
  const refused = ['Key safe code 4821', 'keysafe: 1234', 'Code is C123', 'code: 0000', 'Key safe by the back door, 98765', 'PIN 2468'];
  const allowed = [
    'Neighbour at flat 4 holds a key, phone 07700 900201',
    'Key-safe code held by the on-call manager',
    'Daughter holds a spare key: +44 7700 900123',
    'Housing office, 0113 496 0000, has a master key',
    '',
  ];
  for (const s of refused) assert.ok(accessArrangementsProblem(s), `should refuse: ${s}`);
  for (const s of allowed) assert.equal(accessArrangementsProblem(s), undefined, `should allow: ${s}`);
});

test('person input names the field at fault', () => {
  const base = { serviceId: '0190f1a0-0000-7000-8000-000000000001', givenName: 'Joan', familyName: 'Bell' };
  const cases: [Record<string, unknown>, string][] = [
    [{ nhsNumber: '9434765918' }, 'nhsNumber'],
    [{ postcode: 'NOT A CODE' }, 'postcode'],
    [{ dateOfBirth: '31/02/1950' }, 'dateOfBirth'],
    [{ accessArrangements: 'key safe 1234' }, 'accessArrangements'],
    [{ isMedicationCritical: true }, 'medicationCriticalDetail'],
    [{ givenName: '' }, 'givenName'],
  ];
  for (const [change, field] of cases) {
    const r = personInput.safeParse({ ...base, ...change });
    assert.equal(r.success, false, JSON.stringify(change));
    assert.equal(r.error!.issues[0].path.join('.'), field);
  }
  const ok = personInput.parse({ ...base, nhsNumber: '943 476 5919', postcode: 'ls1 4ap', dateOfBirth: '02/03/1941' });
  assert.equal(ok.nhsNumber, '9434765919');
  assert.equal(ok.postcode, 'LS1 4AP');
  assert.equal(ok.dateOfBirth, '1941-03-02');
});

test('contacts: stage 1–5 and a way to reach them', () => {
  const base = { kind: 'family', name: 'Priya', phone: '07700 900111', rank: 1, hasConsent: false, contactableFromStage: 4 };
  assert.equal(contactInput.safeParse(base).success, true);
  for (const stage of [0, 6, 2.5]) {
    const r = contactInput.safeParse({ ...base, contactableFromStage: stage });
    assert.equal(r.error?.issues[0].path.join('.'), 'contactableFromStage', String(stage));
  }
  assert.equal(contactInput.safeParse({ ...base, phone: null }).error?.issues[0].path.join('.'), 'phone');
  assert.equal(contactInput.safeParse({ ...base, phone: '123' }).error?.issues[0].path.join('.'), 'phone');
});
