import { useState, type FormEvent } from 'react';
import { api, formatDateTime } from '../api.ts';
import { navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { SelectField } from './fields.tsx';
import { EVENT_LABELS } from './labels.ts';
import type { HistoryEvent, VersionSummary } from './types.ts';

/** Protocol versions (who, when, why) with a side-by-side comparison, and every recorded change. */
export function HistorySection({ personId, versions }: { personId: string; versions: VersionSummary[] }) {
  const events = useLoad(() => api<HistoryEvent[]>('GET', `/api/people/${personId}/history`), `${personId}:${versions.length}`);
  const [left, setLeft] = useState(String(versions[1]?.version ?? versions[0]?.version ?? ''));
  const [right, setRight] = useState(String(versions[0]?.version ?? ''));
  const versionOptions = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${formatDateTime(v.createdAt)})` }));
  function compare(e: FormEvent) {
    e.preventDefault();
    navigate(`/people/${personId}/protocol/compare?left=${left}&right=${right}`);
  }
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <h3>Protocol versions</h3>
      {versions.length === 0 ? <p>No versions yet.</p> : (
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Protocol versions, newest first</caption>
          <thead><tr><th scope="col">Version</th><th scope="col">When</th><th scope="col">By</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}><td>{v.version}</td><td>{formatDateTime(v.createdAt)}</td><td>{v.createdByName ?? 'Wellcheck'}</td><td>{v.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {versions.length > 1 && (
        <form className="wc-filters" onSubmit={compare} aria-label="Compare two versions">
          <SelectField id="compare-left" label="Compare version" value={left} onChange={setLeft} options={versionOptions} />
          <SelectField id="compare-right" label="with version" value={right} onChange={setRight} options={versionOptions} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">Compare side by side</button>
        </form>
      )}
      <h3>Changes to this record</h3>
      {events.error && <p role="alert">{events.error.message}</p>}
      {events.data && (
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Changes to this record, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">By</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {events.data.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{EVENT_LABELS[e.type] ?? e.type}{describe(e)}</td>
                <td>{e.actor.name ?? 'Wellcheck'}</td>
                <td>{e.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function describe(e: HistoryEvent): string {
  const d = e.data;
  if (e.type === 'protocol.version_created') return `: version ${d.version}`;
  if (e.type === 'person.contact_consent_changed') return `: ${d.name} — ${d.hasConsent ? 'may now be contacted' : 'may no longer be contacted'}`;
  if (e.type === 'person.contact_added') return `: ${d.name}${d.hasConsent ? '' : ' (no consent)'}`;
  if (e.type === 'person.updated' && d.changes) return `: ${Object.keys(d.changes as object).join(', ')}`;
  return '';
}
