import { useState } from 'react';
import { api, formatDate } from '../api.ts';
import { Notice } from '../forms.tsx';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { ContactTable } from './contact-table.tsx';
import type { ContactView } from './schedule-types.ts';
import './schedule.css';

type Services = { id: string; name: string }[];
type Today = { service: { id: string; name: string }; date: string; contacts: ContactView[] };

/** Today's contacts for a service: due, responded, missed (→ incident), suspended, planned. */
export function ServiceTodayPage({ id }: { id?: string }) {
  const { me } = useSession();
  const services = useLoad(() => api<Services>('GET', '/api/services'));
  // Staff tied to services see their own first (and only theirs); organisation-wide roles, all.
  const mine = me?.staff.serviceIds ?? [];
  const visible = (services.data ?? []).filter((s) => mine.length === 0 || mine.includes(s.id));
  const serviceId = id ?? visible[0]?.id;
  const today = useLoad(() => (serviceId ? api<Today>('GET', `/api/services/${serviceId}/contacts/today`) : Promise.resolve(undefined)), serviceId ?? '');
  const [notice, setNotice] = useState('');
  const error = services.error ?? today.error;
  if (error) return <p role="alert">{error.message}</p>;
  if (!today.data) return <p>Loading…</p>;
  return (
    <>
      <h1>Today’s contacts: {today.data.service.name}</h1>
      <p>{formatDate(`${today.data.date}T12:00:00Z`)}</p>
      {visible.length > 1 && (
        <nav aria-label="Services"><ul className="nhsuk-list wc-services">
          {visible.map((s) => <li key={s.id}><a href={`/services/${s.id}/today`} aria-current={s.id === serviceId ? 'page' : undefined}>{s.name}</a></li>)}
        </ul></nav>
      )}
      {notice && <Notice>{notice}</Notice>}
      <ContactTable contacts={today.data.contacts} showPerson canCheckIn={Boolean(me?.actions.includes('checkin.record'))}
        onCheckedIn={(m) => { setNotice(m); today.reload(); }} />
    </>
  );
}
