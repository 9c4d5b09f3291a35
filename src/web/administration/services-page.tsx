import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, errorFor, Notice, TextField, useSubmit } from '../forms.tsx';
import { Link } from '../link.tsx';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { SERVICE_KIND_LABELS, SERVICE_KINDS, type Service } from './labels.ts';

/** The organisation's services: add one, rename one, deactivate or reactivate one. */
export function ServicesPage() {
  const { me } = useSession();
  const services = useLoad(() => api<Service[]>('GET', '/api/services'));
  const [notice, setNotice] = useState('');
  const manage = canDo(me, 'admin.manage');
  const changed = (message: string) => {
    setNotice(message);
    services.reload();
  };
  return (
    <>
      <p><Link className="nhsuk-link" href="/administration">Administration</Link></p>
      <h1>Services</h1>
      {notice && <Notice>{notice}</Notice>}
      {services.error && <p className="nhsuk-error-message">{services.error.message}</p>}
      {services.data && (
        <div className="wc-table-scroll">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Services of your organisation</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Name</th>
                <th scope="col" className="nhsuk-table__header">Kind</th>
                <th scope="col" className="nhsuk-table__header">Status</th>
                {manage && <th scope="col" className="nhsuk-table__header">Change</th>}
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {services.data.map((s) => (
                <ServiceRow key={`${s.id}:${s.name}:${s.isActive}`} service={s} manage={manage} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && <AddServiceForm onAdded={(s) => changed(`${s.name} was added.`)} />}
    </>
  );
}

function ServiceRow({ service, manage, onChanged }: { service: Service; manage: boolean; onChanged: (message: string) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(service.name);
  const { busy, error, run } = useSubmit();
  const inputId = `rename-${service.id}`;

  const patch = (body: { name?: string; isActive?: boolean }, message: string) =>
    run(async () => {
      await api('PATCH', `/api/services/${service.id}`, body);
      onChanged(message);
    });

  return (
    <tr className="nhsuk-table__row">
      <td className="nhsuk-table__cell">
        {renaming ? (
          <form onSubmit={(e) => { e.preventDefault(); void patch({ name }, `Renamed to ${name}.`); }} noValidate>
            <TextField id={inputId} label={`New name for ${service.name}`} value={name} onChange={setName} error={errorFor(error, 'name') ?? error?.message} />
            <button className="nhsuk-button nhsuk-button--small" type="submit" disabled={busy}>Save name</button>{' '}
            <button className="nhsuk-button nhsuk-button--small nhsuk-button--secondary" type="button" onClick={() => setRenaming(false)}>Cancel</button>
          </form>
        ) : service.name}
      </td>
      <td className="nhsuk-table__cell">{SERVICE_KIND_LABELS[service.kind] ?? service.kind}</td>
      <td className="nhsuk-table__cell">
        {service.isActive ? <strong className="nhsuk-tag nhsuk-tag--green">Active</strong> : <strong className="nhsuk-tag nhsuk-tag--grey">Inactive</strong>}
      </td>
      {manage && (
        <td className="nhsuk-table__cell">
          {!renaming && (
            <button className="wc-link-button" type="button" onClick={() => setRenaming(true)}>
              Rename<span className="nhsuk-u-visually-hidden"> {service.name}</span>
            </button>
          )}{' '}
          <button
            className="wc-link-button" type="button" disabled={busy}
            onClick={() => void patch({ isActive: !service.isActive }, `${service.name} is now ${service.isActive ? 'inactive' : 'active'}.`)}
          >
            {service.isActive ? 'Deactivate' : 'Reactivate'}<span className="nhsuk-u-visually-hidden"> {service.name}</span>
          </button>
          {error && !renaming && <p className="nhsuk-error-message" role="alert">{error.message}</p>}
        </td>
      )}
    </tr>
  );
}

function AddServiceForm({ onAdded }: { onAdded: (s: Service) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('supported_living');
  const { busy, error, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const s = await api<Service>('POST', '/api/services', { name, kind });
      setName('');
      onAdded(s);
    });
  }
  const kindError = errorFor(error, 'kind');
  return (
    <form onSubmit={submit} noValidate className="wc-section">
      <h2>Add a service</h2>
      <ErrorSummary error={error} fieldIds={{ name: 'service-name', kind: 'service-kind' }} />
      <TextField id="service-name" label="Service name" value={name} onChange={setName} error={errorFor(error, 'name')} autoComplete="off" />
      <div className={`nhsuk-form-group${kindError ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor="service-kind">Kind of service</label>
        {kindError && <span className="nhsuk-error-message" id="service-kind-error">{kindError}</span>}
        <select className="nhsuk-select" id="service-kind" value={kind} onChange={(e) => setKind(e.target.value)} aria-describedby={kindError ? 'service-kind-error' : undefined}>
          {SERVICE_KINDS.map((k) => <option key={k} value={k}>{SERVICE_KIND_LABELS[k]}</option>)}
        </select>
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Adding…' : 'Add service'}</button>
    </form>
  );
}
