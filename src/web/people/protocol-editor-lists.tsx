import { CONTACT_KINDS, CONTACT_METHODS, WEEKDAYS } from '../../domain/protocol/content.ts';
import { Checkbox, CheckboxGroup, Input, SelectField, TextArea } from './fields.tsx';
import { fieldId, newContact, newMethod, newRisk, newRoutine, type ContactDraft, type Draft, type MethodDraft, type RiskDraft, type RoutineDraft } from './protocol-draft.ts';

/** The repeatable parts of the protocol editor: expected contacts, contact methods, routines, risks. */

const words = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');
const DAY_LABELS = Object.fromEntries(WEEKDAYS.map((d) => [d, words(d)]));
type Props = { draft: Draft; setDraft: (f: (d: Draft) => Draft) => void; err: (field: string) => string | undefined };

function update<T>(list: T[], i: number, change: Partial<T>): T[] {
  return list.map((x, j) => (j === i ? { ...x, ...change } : x));
}

export function ExpectedContactsEditor({ draft, setDraft, err }: Props) {
  const set = (i: number, change: Partial<ContactDraft>) => setDraft((d) => ({ ...d, expectedContacts: update(d.expectedContacts, i, change) }));
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Expected contacts and response windows</legend>
      {draft.expectedContacts.map((c, i) => {
        const f = (name: string) => `content.expectedContacts.${i}.${name}`;
        return (
          <div className="wc-repeat" key={i} role="group" aria-label={`Expected contact ${i + 1}`}>
            <Input id={fieldId(f('key'))} label={`Expected contact ${i + 1}: short name`} hint="Lower-case letters and dashes, e.g. morning-visit" value={c.key} onChange={(key) => set(i, { key })} error={err(f('key'))} width={20} />
            <SelectField id={fieldId(f('kind'))} label="Kind" value={c.kind} onChange={(kind) => set(i, { kind })} options={CONTACT_KINDS.map((k) => ({ value: k, label: words(k) }))} error={err(f('kind'))} />
            <Input id={fieldId(f('times'))} label="Times" hint="24-hour, separated by commas, e.g. 08:00, 20:00" value={c.times} onChange={(times) => set(i, { times })} error={err(f('times'))} width={20} />
            <SelectField id={fieldId(f('recurrence'))} label="How often" value={c.recurrenceType} onChange={(recurrenceType) => set(i, { recurrenceType })} error={err(f('recurrence'))}
              options={[{ value: 'daily', label: 'Every day' }, { value: 'weekdays', label: 'On some days of the week' }, { value: 'once', label: 'Once' }, { value: 'every_n_days', label: 'Every few days' }]} />
            {c.recurrenceType === 'weekdays' && <CheckboxGroup id={fieldId(f('recurrence.days'))} legend="Days" labels={DAY_LABELS} value={c.days} onChange={(days) => set(i, { days })} error={err(f('recurrence.days'))} />}
            {c.recurrenceType === 'once' && <Input id={fieldId(f('recurrence.date'))} label="Date" hint="For example 01/12/2026" value={c.date} onChange={(date) => set(i, { date })} error={err(f('recurrence.date'))} width={10} />}
            {c.recurrenceType === 'every_n_days' && (
              <>
                <Input id={fieldId(f('recurrence.n'))} label="Every how many days" value={c.n} onChange={(n) => set(i, { n })} error={err(f('recurrence.n'))} width={3} inputMode="numeric" />
                <Input id={fieldId(f('recurrence.startDate'))} label="Starting on" hint="For example 01/12/2026" value={c.startDate} onChange={(startDate) => set(i, { startDate })} error={err(f('recurrence.startDate'))} width={10} />
              </>
            )}
            <Input id={fieldId(f('windowMinutes'))} label="Response window (minutes)" hint="How long after the time before it counts as missed" value={c.windowMinutes} onChange={(windowMinutes) => set(i, { windowMinutes })} error={err(f('windowMinutes'))} width={3} inputMode="numeric" />
            <Checkbox id={fieldId(f('carriesMedication'))} label="Carries time-critical medication" checked={c.carriesMedication} onChange={(carriesMedication) => set(i, { carriesMedication })} />
            <Checkbox id={fieldId(f('skipOnBankHolidays'))} label="Not on bank holidays" checked={c.skipOnBankHolidays} onChange={(skipOnBankHolidays) => set(i, { skipOnBankHolidays })} />
            <button type="button" className="wc-link-button" onClick={() => setDraft((d) => ({ ...d, expectedContacts: d.expectedContacts.filter((_, j) => j !== i) }))}>Remove expected contact {i + 1}</button>
          </div>
        );
      })}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setDraft((d) => ({ ...d, expectedContacts: [...d.expectedContacts, newContact(d.expectedContacts.length)] }))}>Add an expected contact</button>
    </fieldset>
  );
}

export function ContactMethodsEditor({ draft, setDraft, err }: Props) {
  const set = (i: number, change: Partial<MethodDraft>) => setDraft((d) => ({ ...d, contactMethods: update(d.contactMethods, i, change) }));
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Contact methods, in the order to try them</legend>
      {err('content.contactMethods') && <p className="nhsuk-error-message" id={fieldId('content.contactMethods')}>{err('content.contactMethods')}</p>}
      {draft.contactMethods.map((m, i) => {
        const f = (name: string) => `content.contactMethods.${i}.${name}`;
        return (
          <div className="wc-repeat" key={i} role="group" aria-label={`Contact method ${i + 1}`}>
            <SelectField id={fieldId(f('method'))} label={`Method ${i + 1}`} value={m.method} onChange={(method) => set(i, { method })} options={CONTACT_METHODS.map((k) => ({ value: k, label: words(k) }))} error={err(f('method'))} />
            <Input id={fieldId(f('detail'))} label="Detail" hint="e.g. mobile, landline, front door" value={m.detail} onChange={(detail) => set(i, { detail })} error={err(f('detail'))} width={20} />
            <Input id={fieldId(f('attempts'))} label="Number of attempts" value={m.attempts} onChange={(attempts) => set(i, { attempts })} error={err(f('attempts'))} width={2} inputMode="numeric" />
            <Input id={fieldId(f('spacingMinutes'))} label="Minutes between attempts" value={m.spacingMinutes} onChange={(spacingMinutes) => set(i, { spacingMinutes })} error={err(f('spacingMinutes'))} width={3} inputMode="numeric" />
            <Input id={fieldId(f('adjustments'))} label="Adjustments (optional)" hint="e.g. let it ring for two minutes; text first" value={m.adjustments} onChange={(adjustments) => set(i, { adjustments })} error={err(f('adjustments'))} />
            <button type="button" className="wc-link-button" onClick={() => setDraft((d) => ({ ...d, contactMethods: d.contactMethods.filter((_, j) => j !== i) }))}>Remove method {i + 1}</button>
          </div>
        );
      })}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setDraft((d) => ({ ...d, contactMethods: [...d.contactMethods, newMethod()] }))}>Add a contact method</button>
    </fieldset>
  );
}

export function RoutinesEditor({ draft, setDraft, err }: Props) {
  const set = (i: number, change: Partial<RoutineDraft>) => setDraft((d) => ({ ...d, knownRoutines: update(d.knownRoutines, i, change) }));
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Known routines that explain absence</legend>
      {draft.knownRoutines.map((r, i) => {
        const f = (name: string) => `content.knownRoutines.${i}.${name}`;
        return (
          <div className="wc-repeat" key={i} role="group" aria-label={`Routine ${i + 1}`}>
            <CheckboxGroup id={fieldId(f('days'))} legend={`Routine ${i + 1}: days`} labels={DAY_LABELS} value={r.days} onChange={(days) => set(i, { days })} error={err(f('days'))} />
            <Input id={fieldId(f('from'))} label="From" hint="24-hour, e.g. 12:00" value={r.from} onChange={(from) => set(i, { from })} error={err(f('from'))} width={5} />
            <Input id={fieldId(f('to'))} label="To" value={r.to} onChange={(to) => set(i, { to })} error={err(f('to'))} width={5} />
            <Input id={fieldId(f('place'))} label="Where" value={r.place} onChange={(place) => set(i, { place })} error={err(f('place'))} width={20} />
            <button type="button" className="wc-link-button" onClick={() => setDraft((d) => ({ ...d, knownRoutines: d.knownRoutines.filter((_, j) => j !== i) }))}>Remove routine {i + 1}</button>
          </div>
        );
      })}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setDraft((d) => ({ ...d, knownRoutines: [...d.knownRoutines, newRoutine()] }))}>Add a routine</button>
    </fieldset>
  );
}

export function RisksEditor({ draft, setDraft, err }: Props) {
  const set = (i: number, change: Partial<RiskDraft>) => setDraft((d) => ({ ...d, specificRisks: update(d.specificRisks, i, change) }));
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Specific risks and what to look for</legend>
      {draft.specificRisks.map((r, i) => {
        const f = (name: string) => `content.specificRisks.${i}.${name}`;
        return (
          <div className="wc-repeat" key={i} role="group" aria-label={`Risk ${i + 1}`}>
            <Input id={fieldId(f('risk'))} label={`Risk ${i + 1}`} value={r.risk} onChange={(risk) => set(i, { risk })} error={err(f('risk'))} />
            <TextArea id={fieldId(f('lookFor'))} label="What to look for" value={r.lookFor} onChange={(lookFor) => set(i, { lookFor })} error={err(f('lookFor'))} rows={2} />
            <button type="button" className="wc-link-button" onClick={() => setDraft((d) => ({ ...d, specificRisks: d.specificRisks.filter((_, j) => j !== i) }))}>Remove risk {i + 1}</button>
          </div>
        );
      })}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setDraft((d) => ({ ...d, specificRisks: [...d.specificRisks, newRisk()] }))}>Add a risk</button>
    </fieldset>
  );
}
