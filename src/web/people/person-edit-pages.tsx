import { api } from '../api.ts';
import { Link } from '../link.tsx';
import { navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { PersonForm } from './person-form.tsx';
import type { PersonRecord } from './types.ts';
import './people.css';

/** Add a person supported; then their page, where contacts, devices and the protocol are added. */
export function AddPersonPage() {
  return (
    <>
      <p><Link className="nhsuk-link" href="/people">People supported</Link></p>
      <h1>Add a person</h1>
      <PersonForm submitLabel="Add person" onSaved={(p) => navigate(`/people/${p.id}?added=1`)} />
    </>
  );
}

export function EditPersonPage({ id }: { id: string }) {
  const { data, error } = useLoad(() => api<PersonRecord>('GET', `/api/people/${id}`), id);
  if (error) return <p role="alert">{error.status === 404 ? 'This person is not in your services.' : error.message}</p>;
  if (!data) return <p>Loading…</p>;
  return (
    <>
      <p><Link className="nhsuk-link" href={`/people/${id}`}>{data.person.displayName}</Link></p>
      <h1>Change details: {data.person.displayName}</h1>
      <PersonForm person={data.person} submitLabel="Save changes" onSaved={() => navigate(`/people/${id}?saved=1`)} />
    </>
  );
}
