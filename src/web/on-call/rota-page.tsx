import { useId, useState } from 'react';
import { api, formatDateTime } from '../api.ts';
import { ErrorSummary, FieldError, Notice, errorFor, useSubmit } from '../forms.tsx';
import { useLoad } from '../use-load.ts';

type Rota = {
  shifts: { id: string; service_id: string | null; staff_name: string; level: number; starts_at: string; ends_at: string }[];
  overrides: { id: string; replacement_name: string; starts_at: string; ends_at: string; reason: string }[];
  onCallNow: { serviceId: string; serviceName: string; chain: { staffId: string; name: string }[] }[];
};
type Option = { id: string; name: string };

/** The on-call rota (no-response policy §12): who is on call now, the coming week, add a shift. */
export function RotaPage() {
  const uid = useId().replace(/:/g, '');
  const [from] = useState(() => new Date());
  const to = new Date(from.getTime() + 7 * 86_400_000);
  const rota = useLoad(() => api<Rota>('GET', `/api/rota?from=${from.toISOString()}&to=${to.toISOString()}`));
  const staff = useLoad(() => api<Option[]>('GET', '/api/rota/staff'));
  const services = useLoad(() => api<Option[]>('GET', '/api/services'));
  const [form, setForm] = useState({ serviceId: '', staffId: '', level: '1', startsAt: '', endsAt: '' });
  const [notice, setNotice] = useState('');
  const { busy, error, run } = useSubmit();
  const ids = { staffId: `${uid}-staff`, startsAt: `${uid}-starts`, endsAt: `${uid}-ends`, serviceId: `${uid}-service` };
  const serviceName = (id: string | null) => (id ? services.data?.find((s) => s.id === id)?.name ?? '' : 'All services');
  const add = () => run(async () => {
    await api('POST', '/api/rota/shifts', {
      serviceId: form.serviceId || null, staffId: form.staffId, level: Number(form.level),
      startsAt: form.startsAt ? new Date(form.startsAt).toISOString() : '', endsAt: form.endsAt ? new Date(form.endsAt).toISOString() : '',
    });
    setNotice('Shift added');
    rota.reload();
  });
  const remove = (id: string) => run(async () => {
    await api('DELETE', `/api/rota/shifts/${id}`);
    setNotice('Shift removed');
    rota.reload();
  });
  if (rota.error) return <p role="alert">{rota.error.message}</p>;
  if (!rota.data) return <p>Loading…</p>;
  return (
    <>
      <h1>On-call rota</h1>
      {notice && <Notice>{notice}</Notice>}
      <h2>On call now</h2>
      <ul className="nhsuk-list">
        {rota.data.onCallNow.map((s) => <li key={s.serviceId}><strong>{s.serviceName}:</strong> {s.chain.map((c) => c.name).join(', then ') || 'nobody'}</li>)}
      </ul>
      <h2>The next 7 days</h2>
      <div className="wc-table-scroll">
        <table className="nhsuk-table">
          <thead><tr><th scope="col">Who</th><th scope="col">Service</th><th scope="col">Level</th><th scope="col">From</th><th scope="col">To</th><th scope="col"><span className="nhsuk-u-visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {rota.data.shifts.map((s) => (
              <tr key={s.id}>
                <td>{s.staff_name}</td><td>{serviceName(s.service_id)}</td><td>{s.level}</td><td>{formatDateTime(s.starts_at)}</td><td>{formatDateTime(s.ends_at)}</td>
                <td><button type="button" className="wc-link-button" disabled={busy} onClick={() => remove(s.id)}>Remove<span className="nhsuk-u-visually-hidden"> {s.staff_name}’s shift from {formatDateTime(s.starts_at)}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rota.data.overrides.length > 0 && (
        <><h2>Cover and swaps</h2><ul className="nhsuk-list">{rota.data.overrides.map((o) => <li key={o.id}>{o.replacement_name}: {formatDateTime(o.starts_at)} to {formatDateTime(o.ends_at)} — {o.reason}</li>)}</ul></>
      )}
      <h2>Add a shift</h2>
      <ErrorSummary error={error} fieldIds={ids} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={ids.serviceId}>Service</label>
        <FieldError id={ids.serviceId} message={errorFor(error, 'serviceId')} />
        <select className="nhsuk-select" id={ids.serviceId} value={form.serviceId} onChange={(e) => setForm({ ...form, serviceId: e.target.value })}>
          <option value="">All services</option>
          {services.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div className={`nhsuk-form-group${errorFor(error, 'staffId') ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={ids.staffId}>Who</label>
        <FieldError id={ids.staffId} message={errorFor(error, 'staffId')} />
        <select className="nhsuk-select" id={ids.staffId} value={form.staffId} onChange={(e) => setForm({ ...form, staffId: e.target.value })}>
          <option value="">Choose…</option>
          {staff.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${uid}-level`}>Place in the chain</label>
        <select className="nhsuk-select" id={`${uid}-level`} value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value })}>
          <option value="1">1 — first on call</option><option value="2">2 — second</option><option value="3">3 — third</option>
        </select>
      </div>
      {(['startsAt', 'endsAt'] as const).map((f) => (
        <div key={f} className={`nhsuk-form-group${errorFor(error, f) ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={ids[f]}>{f === 'startsAt' ? 'Starts' : 'Ends'}</label>
          <FieldError id={ids[f]} message={errorFor(error, f)} />
          <input className="nhsuk-input nhsuk-input--width-20" type="datetime-local" id={ids[f]} value={form[f]} onChange={(e) => setForm({ ...form, [f]: e.target.value })} />
        </div>
      ))}
      <button type="button" className="nhsuk-button" disabled={busy} onClick={add}>Add shift</button>
    </>
  );
}
