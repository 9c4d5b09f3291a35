import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { Link } from '../link.tsx';
import { navigate, queryParam } from '../router.ts';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { Checkbox, Input, SelectField } from './fields.tsx';
import { ABSENCE_KIND_LABELS, REVIEW_REASON_LABELS, RISK_LABELS, ukDate } from './labels.ts';
import type { PersonListItem, Service } from './types.ts';
import './people.css';

/** People supported that the member of staff may see: search, filter by service, risk, review due. */
export function PeopleListPage() {
  const { me } = useSession();
  const initial = { q: queryParam('q') ?? '', serviceId: queryParam('serviceId') ?? '', risk: queryParam('risk') ?? '', reviewDue: queryParam('reviewDue') === 'true' };
  const [form, setForm] = useState(initial);
  const query = new URLSearchParams();
  if (initial.q) query.set('q', initial.q);
  if (initial.serviceId) query.set('serviceId', initial.serviceId);
  if (initial.risk) query.set('risk', initial.risk);
  if (initial.reviewDue) query.set('reviewDue', 'true');
  const key = query.toString();
  const list = useLoad(() => api<{ total: number; people: PersonListItem[] }>('GET', `/api/people?${key}`), key);
  const services = useLoad(() => api<Service[]>('GET', '/api/services'));

  function search(e: FormEvent) {
    e.preventDefault();
    const q = new URLSearchParams();
    if (form.q.trim()) q.set('q', form.q.trim());
    if (form.serviceId) q.set('serviceId', form.serviceId);
    if (form.risk) q.set('risk', form.risk);
    if (form.reviewDue) q.set('reviewDue', 'true');
    navigate(`/people${q.toString() ? `?${q}` : ''}`);
  }

  return (
    <>
      <h1>People supported</h1>
      <div className="wc-actions">
        {canDo(me, 'person.write') && <Link className="nhsuk-button" href="/people/new">Add a person</Link>}
        {canDo(me, 'person.import') && <Link className="nhsuk-button nhsuk-button--secondary" href="/people/import">Import from a spreadsheet</Link>}
      </div>
      <form className="wc-filters" onSubmit={search} role="search" aria-label="Find people">
        <Input id="people-q" label="Name, NHS number or reference" value={form.q} onChange={(q) => setForm({ ...form, q })} width={20} />
        <SelectField id="people-service" label="Service" value={form.serviceId} onChange={(serviceId) => setForm({ ...form, serviceId })}
          placeholder="All services" options={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        <SelectField id="people-risk" label="Risk level" value={form.risk} onChange={(risk) => setForm({ ...form, risk })} placeholder="Any"
          options={[{ value: 'high', label: 'High' }, { value: 'medium', label: 'Medium' }, { value: 'low', label: 'Low' }, { value: 'none', label: 'No protocol yet' }]} />
        <Checkbox id="people-review-due" label="Review due only" checked={form.reviewDue} onChange={(reviewDue) => setForm({ ...form, reviewDue })} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">Search</button>
      </form>
      {list.error && <p role="alert">{list.error.message}</p>}
      {list.data && (
        <>
          <p role="status">{list.data.total === 1 ? '1 person' : `${list.data.total} people`}{list.data.total > list.data.people.length ? ` (first ${list.data.people.length} shown)` : ''}</p>
          <table className="nhsuk-table wc-people-table">
            <caption className="nhsuk-u-visually-hidden">People supported</caption>
            <thead className="nhsuk-table__head">
              <tr><th scope="col">Name</th><th scope="col">Service</th><th scope="col">Risk</th><th scope="col">Protocol</th><th scope="col">Notes</th></tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {list.data.people.map((p) => (
                <tr key={p.id}>
                  <td><Link className="nhsuk-link" href={`/people/${p.id}`}>{p.displayName}</Link>{p.dateOfBirth && <><br /><span className="wc-muted">Born {ukDate(p.dateOfBirth)}</span></>}</td>
                  <td>{p.serviceName}</td>
                  <td>{p.risk ? <span className={`wc-risk wc-risk--${p.risk}`}>{RISK_LABELS[p.risk]}</span> : '—'}</td>
                  <td>
                    {p.protocolVersion ? `Version ${p.protocolVersion}` : 'None yet'}
                    {p.nextReviewDate && <><br /><span className="wc-muted">Review by {ukDate(p.nextReviewDate)}</span></>}
                  </td>
                  <td>
                    {p.reviewDue && <strong className="wc-tag">Review due: {p.reviewReasons.map((r) => REVIEW_REASON_LABELS[r] ?? r).join(', ')}</strong>}
                    {p.isMedicationCritical && <span className="wc-tag">Medication-critical</span>}
                    {p.absentNow && <span className="wc-tag">Away: {ABSENCE_KIND_LABELS[p.absentNow]}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
