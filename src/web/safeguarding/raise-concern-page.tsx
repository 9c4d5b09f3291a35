import './safeguarding.css';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, errorFor, FieldError, useSubmit } from '../forms.tsx';
import { navigate, queryParam } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { RadioGroup, SelectField, TextArea } from './fields.tsx';
import { IndicatorPicker } from './indicator-picker.tsx';
import { ALLEGED_WORDS, CAPACITY_WORDS, RISK_WORDS, TRI_WORDS } from './labels.ts';
import { SuggestionPanel } from './suggestion-panel.tsx';
import type { Framework, StaffOption, Suggestion } from './types.ts';

const FIELD_IDS = {
  personIds: 'person-search', indicatorIds: 'indicator-search', description: 'description', alleged: 'alleged-kind',
  childrenInvolved: 'children', possibleCrime: 'crime', capacity: 'capacity', risk: 'risk',
  personWishes: 'wishes', immediateActions: 'immediate',
};
type PersonHit = { id: string; displayName: string; serviceName: string };

/**
 * Any member of staff raises a safeguarding concern, guided by the thresholds matrix: the people
 * it is about, the indicators (searchable, grouped by abuse type), who is alleged to have caused
 * harm, the facts the thresholds depend on, what the person wants (Making Safeguarding Personal)
 * and what was done at once. The suggestion updates as they fill it in; the lead decides.
 */
export function RaiseConcernPage() {
  const framework = useLoad(() => api<Framework>('GET', '/api/safeguarding/framework'));
  const staff = useLoad(() => api<StaffOption[]>('GET', '/api/safeguarding/staff'));
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PersonHit[]>([]);
  const [people, setPeople] = useState<PersonHit[]>([]);
  const [indicatorIds, setIndicatorIds] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [allegedKind, setAllegedKind] = useState('not_known');
  const [allegedStaff, setAllegedStaff] = useState('');
  const [allegedDetail, setAllegedDetail] = useState('');
  const [childrenInvolved, setChildren] = useState('unknown');
  const [possibleCrime, setCrime] = useState('unknown');
  const [capacity, setCapacity] = useState('unknown');
  const [risk, setRisk] = useState('unknown');
  const [personWishes, setWishes] = useState('');
  const [immediateActions, setImmediate] = useState('');
  const [preview, setPreview] = useState<Suggestion | null>(null);
  const { busy, error, run } = useSubmit();

  // A person named in the link (from the person's page or an incident) is chosen already.
  const presetPerson = queryParam('personId');
  useEffect(() => {
    if (!presetPerson) return;
    api<{ person: { id: string; displayName: string; serviceName: string } }>('GET', `/api/people/${presetPerson}`)
      .then(({ person: p }) => setPeople([{ id: p.id, displayName: p.displayName, serviceName: p.serviceName }]), () => undefined);
  }, [presetPerson]);

  useEffect(() => {
    if (q.trim().length < 2) return setHits([]);
    const timer = setTimeout(() => {
      api<{ people: PersonHit[] }>('GET', `/api/people?q=${encodeURIComponent(q.trim())}&limit=10`).then((r) => setHits(r.people), () => setHits([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  const alleged = [{ kind: allegedKind, ...(allegedKind === 'staff_member' ? { staffId: allegedStaff || null } : {}), ...(allegedDetail.trim() ? { detail: allegedDetail } : {}) }];
  const facts = { indicatorIds, alleged, childrenInvolved, possibleCrime, capacity, risk };
  const factsKey = JSON.stringify(facts);
  useEffect(() => {
    const timer = setTimeout(() => {
      api<Suggestion>('POST', '/api/safeguarding/suggestion', JSON.parse(factsKey)).then(setPreview, () => setPreview(null));
    }, 200);
    return () => clearTimeout(timer);
  }, [factsKey]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const incident = queryParam('incidentId');
      const created = await api<{ id: string }>('POST', '/api/concerns', {
        ...facts, personIds: people.map((p) => p.id), description, personWishes, immediateActions,
        ...(incident ? { sourceIncidentId: incident } : {}),
      });
      navigate(`/safeguarding/concerns/${created.id}?raised=1`);
    });
  }

  if (framework.error) return <p role="alert">{framework.error.message}</p>;
  if (!framework.data) return <p>Loading the thresholds guidance…</p>;
  const staffOptions = Object.fromEntries((staff.data ?? []).map((s) => [s.id, s.name]));

  return (
    <div className="wc-safeguarding">
      <h1>Raise a safeguarding concern</h1>
      <p>If someone is in immediate danger, call 999 first. Anyone can raise a concern; the safeguarding lead decides what happens next.</p>
      <p className="nhsuk-body-s">Guidance: {framework.data.title} ({framework.data.board}), version {framework.data.version}.</p>
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <div className={`nhsuk-form-group${errorFor(error, 'personIds') ? ' nhsuk-form-group--error' : ''}`}>
          <h2>Who is it about?</h2>
          <label className="nhsuk-label" htmlFor="person-search">Find a person by name</label>
          <FieldError id="person-search" message={errorFor(error, 'personIds')} />
          <input className="nhsuk-input nhsuk-input--width-20" id="person-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
          {hits.length > 0 && (
            <ul className="wc-person-hits" aria-label="People found">
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" className="wc-link-button" disabled={people.some((p) => p.id === h.id)}
                    onClick={() => setPeople([...people, h])}>Add {h.displayName}</button> <span className="nhsuk-body-s">{h.serviceName}</span>
                </li>
              ))}
            </ul>
          )}
          <p data-testid="chosen-people">{people.length === 0 ? 'Nobody chosen yet.' : `Chosen: ${people.map((p) => p.displayName).join(', ')}`}</p>
          {people.map((p) => (
            <button type="button" key={p.id} className="wc-link-button" onClick={() => setPeople(people.filter((x) => x.id !== p.id))}>Remove {p.displayName}</button>
          ))}
        </div>

        <IndicatorPicker framework={framework.data} value={indicatorIds} onChange={setIndicatorIds} error={errorFor(error, 'indicatorIds')} />
        <TextArea id="description" label="Describe what happened or what you noticed" value={description} onChange={setDescription}
          error={errorFor(error, 'description')} hint="Facts in your own words: what, when, where, who was there." rows={6} />

        <h2>Who is alleged to have caused harm?</h2>
        <SelectField id="alleged-kind" label="Alleged to have caused harm" value={allegedKind} options={ALLEGED_WORDS} onChange={setAllegedKind} error={errorFor(error, 'alleged')} />
        {allegedKind === 'staff_member' && (
          <SelectField id="alleged-staff" label="Which member of staff" value={allegedStaff} options={staffOptions} onChange={setAllegedStaff}
            placeholder="Choose…" error={errorFor(error, 'alleged.0.staffId')} />
        )}
        <TextArea id="alleged-detail" label="Anything more about them (optional)" value={allegedDetail} onChange={setAllegedDetail} rows={2} />

        <h2>What the thresholds depend on</h2>
        <RadioGroup id="children" legend="Are children involved or in the household?" value={childrenInvolved} options={TRI_WORDS} onChange={setChildren} error={errorFor(error, 'childrenInvolved')} />
        <RadioGroup id="crime" legend="Could this be a crime?" value={possibleCrime} options={TRI_WORDS} onChange={setCrime} error={errorFor(error, 'possibleCrime')} />
        <RadioGroup id="capacity" legend="The person's capacity for the decision about these risks" value={capacity} options={CAPACITY_WORDS} onChange={setCapacity} error={errorFor(error, 'capacity')} />
        <RadioGroup id="risk" legend="Level of risk" value={risk} options={RISK_WORDS} onChange={setRisk} error={errorFor(error, 'risk')} />

        <TextArea id="wishes" label="What does the person want to happen?" value={personWishes} onChange={setWishes}
          error={errorFor(error, 'personWishes')} hint="In their words where you can (Making Safeguarding Personal)." />
        <TextArea id="immediate" label="What did you do straight away to keep people safe?" value={immediateActions} onChange={setImmediate}
          error={errorFor(error, 'immediateActions')} />

        {preview && <SuggestionPanel s={preview} />}
        <button className="nhsuk-button" type="submit" disabled={busy}>Raise the concern</button>
      </form>
    </div>
  );
}
