import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, errorFor, useSubmit } from '../forms.tsx';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { Checkbox, CheckboxGroup, Input, SelectField, TextArea } from './fields.tsx';
import { COMMUNICATION_LABELS, options, RISK_LABELS, SUPPORT_TYPE_LABELS, ukDate } from './labels.ts';
import type { Person, Service } from './types.ts';

type Values = {
  serviceId: string; externalRef: string; givenName: string; familyName: string; preferredName: string; dateOfBirth: string;
  nhsNumber: string; address: string; postcode: string; supportTypes: string[]; communicationCategories: string[];
  communicationNeeds: string; healthConditions: string; isMedicationCritical: boolean; medicationCriticalDetail: string;
  fallsRisk: string; selfNeglectRisk: string; hasHistoryOfDisengagement: boolean; disengagementNote: string; careCoordinatorId: string;
  culturalRoutines: string; gp: string; housingProvider: string; accessArrangements: string;
};

const fromPerson = (p?: Person): Values => ({
  serviceId: p?.serviceId ?? '', externalRef: p?.externalRef ?? '', givenName: p?.givenName ?? '', familyName: p?.familyName ?? '',
  preferredName: p?.preferredName ?? '', dateOfBirth: ukDate(p?.dateOfBirth), nhsNumber: p?.nhsNumber ?? '', address: p?.address ?? '',
  postcode: p?.postcode ?? '', supportTypes: p?.supportTypes ?? [], communicationCategories: p?.communicationCategories ?? [],
  communicationNeeds: p?.communicationNeeds ?? '', healthConditions: p?.healthConditions ?? '', isMedicationCritical: p?.isMedicationCritical ?? false,
  medicationCriticalDetail: p?.medicationCriticalDetail ?? '', fallsRisk: p?.fallsRisk ?? 'unknown', selfNeglectRisk: p?.selfNeglectRisk ?? 'unknown',
  hasHistoryOfDisengagement: p?.hasHistoryOfDisengagement ?? false, disengagementNote: p?.disengagementNote ?? '', careCoordinatorId: p?.careCoordinatorId ?? '',
  culturalRoutines: p?.culturalRoutines ?? '', gp: p?.gp ?? '', housingProvider: p?.housingProvider ?? '', accessArrangements: p?.accessArrangements ?? '',
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const id = (field: string) => `person-${field}`;
const FIELD_IDS = Object.fromEntries(Object.keys(fromPerson()).map((f) => [f, id(f)]));

/** The person's details, for adding a person and for changing them (compare-and-set on version). */
export function PersonForm({ person, onSaved, submitLabel }: { person?: Person; onSaved: (p: Person) => void; submitLabel: string }) {
  const { me } = useSession();
  const services = useLoad(() => api<Service[]>('GET', '/api/services'));
  const coordinators = useLoad(() => api<{ id: string; name: string }[]>('GET', '/api/care-coordinators'));
  const [v, setV] = useState<Values>(() => fromPerson(person));
  const { busy, error, run } = useSubmit();
  const set = <K extends keyof Values>(k: K) => (value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  // Staff of a service may only add people to their own services (the server checks this too).
  const mine = (services.data ?? []).filter((s) => s.isActive && (me.staff.serviceIds.length === 0 || me.staff.serviceIds.includes(s.id) || s.id === person?.serviceId));

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const body = {
        ...v, externalRef: orNull(v.externalRef), preferredName: orNull(v.preferredName), dateOfBirth: orNull(v.dateOfBirth),
        nhsNumber: orNull(v.nhsNumber), postcode: orNull(v.postcode), medicationCriticalDetail: orNull(v.medicationCriticalDetail),
        careCoordinatorId: orNull(v.careCoordinatorId),
        ...(person ? { version: person.version } : {}),
      };
      const saved = await api<Person>(person ? 'PUT' : 'POST', person ? `/api/people/${person.id}` : '/api/people', body);
      onSaved(saved);
    });
  }
  const err = (f: string) => errorFor(error, f);
  return (
    <>
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <SelectField id={id('serviceId')} label="Service" value={v.serviceId} onChange={set('serviceId')} placeholder="Choose a service"
          options={mine.map((s) => ({ value: s.id, label: s.name }))} error={err('serviceId')} hint="The staff of this service will see this person." />
        <Input id={id('givenName')} label="Given name" value={v.givenName} onChange={set('givenName')} error={err('givenName')} width={20} />
        <Input id={id('familyName')} label="Family name" value={v.familyName} onChange={set('familyName')} error={err('familyName')} width={20} />
        <Input id={id('preferredName')} label="Preferred name (optional)" value={v.preferredName} onChange={set('preferredName')} error={err('preferredName')} width={20} />
        <Input id={id('dateOfBirth')} label="Date of birth" hint="For example 23/11/1970" value={v.dateOfBirth} onChange={set('dateOfBirth')} error={err('dateOfBirth')} width={10} />
        <Input id={id('nhsNumber')} label="NHS number (optional)" hint="10 digits, for example 943 476 5919" value={v.nhsNumber} onChange={set('nhsNumber')} error={err('nhsNumber')} width={10} inputMode="numeric" />
        <TextArea id={id('address')} label="Address" value={v.address} onChange={set('address')} error={err('address')} rows={2} />
        <Input id={id('postcode')} label="Postcode" value={v.postcode} onChange={set('postcode')} error={err('postcode')} width={10} />
        <CheckboxGroup id={id('supportTypes')} legend="Support" labels={SUPPORT_TYPE_LABELS} value={v.supportTypes} onChange={set('supportTypes')} error={err('supportTypes')} />
        <CheckboxGroup id={id('communicationCategories')} legend="Communication needs" labels={COMMUNICATION_LABELS} value={v.communicationCategories} onChange={set('communicationCategories')} />
        <TextArea id={id('communicationNeeds')} label="Communication needs and reasonable adjustments" value={v.communicationNeeds} onChange={set('communicationNeeds')} error={err('communicationNeeds')} />
        <TextArea id={id('healthConditions')} label="Health conditions" value={v.healthConditions} onChange={set('healthConditions')} error={err('healthConditions')} />
        <Checkbox id={id('isMedicationCritical')} label="Medication-critical" hint="A missed contact that carries this medication goes straight to internal escalation." checked={v.isMedicationCritical} onChange={set('isMedicationCritical')} />
        {v.isMedicationCritical && (
          <Input id={id('medicationCriticalDetail')} label="What is time-critical, and when" value={v.medicationCriticalDetail} onChange={set('medicationCriticalDetail')} error={err('medicationCriticalDetail')} />
        )}
        <SelectField id={id('fallsRisk')} label="Falls risk" value={v.fallsRisk} onChange={set('fallsRisk')} options={options(RISK_LABELS)} error={err('fallsRisk')} />
        <SelectField id={id('selfNeglectRisk')} label="Self-neglect risk" value={v.selfNeglectRisk} onChange={set('selfNeglectRisk')} options={options(RISK_LABELS)} error={err('selfNeglectRisk')} />
        <Checkbox id={id('hasHistoryOfDisengagement')} label="History of disengagement" checked={v.hasHistoryOfDisengagement} onChange={set('hasHistoryOfDisengagement')} />
        {v.hasHistoryOfDisengagement && <TextArea id={id('disengagementNote')} label="About the disengagement" value={v.disengagementNote} onChange={set('disengagementNote')} error={err('disengagementNote')} />}
        <TextArea id={id('culturalRoutines')} label="Cultural and religious routines" value={v.culturalRoutines} onChange={set('culturalRoutines')} error={err('culturalRoutines')} />
        <SelectField id={id('careCoordinatorId')} label="Care coordinator (optional)" value={v.careCoordinatorId} onChange={set('careCoordinatorId')} placeholder="None"
          options={(coordinators.data ?? []).map((s) => ({ value: s.id, label: s.name }))} error={err('careCoordinatorId')} />
        <Input id={id('gp')} label="GP" value={v.gp} onChange={set('gp')} error={err('gp')} />
        <Input id={id('housingProvider')} label="Housing provider" value={v.housingProvider} onChange={set('housingProvider')} error={err('housingProvider')} />
        <TextArea id={id('accessArrangements')} label="Keys and access" hint="Who holds keys and how to reach them. Never write a key-safe code here." value={v.accessArrangements} onChange={set('accessArrangements')} error={err('accessArrangements')} />
        <Input id={id('externalRef')} label="Your reference (optional)" hint="The id in your own records or spreadsheet." value={v.externalRef} onChange={set('externalRef')} error={err('externalRef')} width={10} />
        <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
      </form>
    </>
  );
}
