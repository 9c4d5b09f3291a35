import { api, formatDateTime } from '../api.ts';
import { protocolContent } from '../../domain/protocol/content.ts';
import { sideBySide } from '../../domain/people/protocol-diff.ts';
import { Link } from '../link.tsx';
import { queryParam } from '../router.ts';
import { useLoad } from '../use-load.ts';
import type { PersonRecord } from './types.ts';
import './people.css';

type Version = { id: string; version: number; content: unknown; reason: string; createdBy: string | null; createdAt: string };

/** Two versions of a person's protocol side by side; changed sections are marked in words and colour. */
export function ComparePage({ id }: { id: string }) {
  const left = queryParam('left') ?? '1';
  const right = queryParam('right') ?? '2';
  const key = `${id}:${left}:${right}`;
  const pair = useLoad(() => api<{ left: Version; right: Version }>('GET', `/api/people/${id}/protocol/compare?left=${left}&right=${right}`), key);
  const record = useLoad(() => api<PersonRecord>('GET', `/api/people/${id}`), id);
  if (pair.error) return <p role="alert">{pair.error.message}</p>;
  if (!pair.data || !record.data) return <p>Loading…</p>;
  const l = protocolContent.safeParse(pair.data.left.content);
  const r = protocolContent.safeParse(pair.data.right.content);
  if (!l.success || !r.success) return <p>These versions cannot be compared section by section.</p>;
  const rows = sideBySide(l.data, r.data);
  const by = (v: Version) => record.data!.versions.find((x) => x.version === v.version)?.createdByName ?? 'Wellcheck';
  const head = (v: Version) => (
    <th scope="col">
      Version {v.version}<br />
      <span className="wc-muted">{formatDateTime(v.createdAt)}, {by(v)}</span><br />
      <span className="wc-muted">Why: {v.reason}</span>
    </th>
  );
  return (
    <>
      <p><Link className="nhsuk-link" href={`/people/${id}`}>{record.data.person.displayName}</Link></p>
      <h1>Protocol versions {pair.data.left.version} and {pair.data.right.version} side by side</h1>
      <p>{rows.filter((x) => x.isChanged).length} of {rows.length} sections changed.</p>
      <table className="nhsuk-table wc-compare">
        <caption className="nhsuk-u-visually-hidden">Each section of the protocol in both versions</caption>
        <thead><tr><th scope="col">Section</th>{head(pair.data.left)}{head(pair.data.right)}</tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.isChanged ? 'wc-changed' : undefined}>
              <th scope="row">{row.label}{row.isChanged && <><br /><strong className="wc-tag">Changed</strong></>}</th>
              <td>{row.left.length ? <ul>{row.left.map((x, i) => <li key={i}>{x}</li>)}</ul> : 'None'}</td>
              <td>{row.right.length ? <ul>{row.right.map((x, i) => <li key={i}>{x}</li>)}</ul> : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
