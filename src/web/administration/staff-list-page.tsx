import { api } from '../api.ts';
import { Notice } from '../forms.tsx';
import { Link } from '../link.tsx';
import { queryParam } from '../router.ts';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { roleLabel, type Service, type Staff } from './labels.ts';

/** Everyone who can sign in, with their role, services and status. */
export function StaffListPage() {
  const { me } = useSession();
  const staff = useLoad(() => api<Staff[]>('GET', '/api/staff'));
  const services = useLoad(() => api<Service[]>('GET', '/api/services'));
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.name ?? 'Unknown service';
  const added = staff.data?.find((s) => s.id === queryParam('added'));
  return (
    <>
      <p><Link className="nhsuk-link" href="/administration">Administration</Link></p>
      <h1>Staff</h1>
      {added && <Notice>{added.name} was added. They must change their temporary password when they first sign in.</Notice>}
      {canDo(me, 'admin.manage') && (
        <p><Link className="nhsuk-button" href="/administration/staff/new">Add a member of staff</Link></p>
      )}
      {staff.error && <p className="nhsuk-error-message">{staff.error.message}</p>}
      {!staff.data && !staff.error && <p>Loading staff…</p>}
      {staff.data && (
        <div className="wc-table-scroll">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Staff of your organisation</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">Name</th>
                <th scope="col" className="nhsuk-table__header">Email</th>
                <th scope="col" className="nhsuk-table__header">Role</th>
                <th scope="col" className="nhsuk-table__header">Services</th>
                <th scope="col" className="nhsuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {staff.data.map((s) => (
                <tr className="nhsuk-table__row" key={s.id}>
                  <td className="nhsuk-table__cell"><Link className="nhsuk-link" href={`/administration/staff/${s.id}`}>{s.name}</Link></td>
                  <td className="nhsuk-table__cell">{s.email}</td>
                  <td className="nhsuk-table__cell">{roleLabel(s.role)}</td>
                  <td className="nhsuk-table__cell">{s.serviceIds.length ? s.serviceIds.map(serviceName).join(', ') : 'None'}</td>
                  <td className="nhsuk-table__cell"><StaffStatus staff={s} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Status in words (colour only supports the words). */
export function StaffStatus({ staff }: { staff: Staff }) {
  if (!staff.isActive) return <strong className="nhsuk-tag nhsuk-tag--grey">Inactive</strong>;
  if (staff.mustChangePassword) return <strong className="nhsuk-tag nhsuk-tag--yellow">Must change password</strong>;
  return <strong className="nhsuk-tag nhsuk-tag--green">Active</strong>;
}
