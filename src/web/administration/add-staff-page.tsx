import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { ErrorSummary, errorFor, TextField, useSubmit } from '../forms.tsx';
import { Link } from '../link.tsx';
import { navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import type { Service, Staff } from './labels.ts';
import { RoleSelect, ServiceCheckboxes } from './staff-fields.tsx';

const FIELD_IDS = {
  name: 'staff-name', email: 'staff-email', role: 'staff-role', serviceIds: 'staff-services-0',
  password: 'staff-password', phone: 'staff-phone',
};

/** A registered manager adds a member of staff with a temporary password. */
export function AddStaffPage() {
  const services = useLoad(() => api<Service[]>('GET', '/api/services'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [serviceIds, setServiceIds] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState('');
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      // The server would refuse an empty role too, but in the words of its schema.
      if (!role) throw new ApiError(400, 'invalid', 'Choose a role', 'role');
      const created = await api<Staff>('POST', '/api/staff', {
        name, email, role, serviceIds, password, phone: phone.trim() ? phone : null,
      });
      navigate(`/administration/staff?added=${encodeURIComponent(created.id)}`);
    });
  }

  return (
    <>
      <p><Link className="nhsuk-link" href="/administration/staff">Staff</Link></p>
      <h1>Add a member of staff</h1>
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <TextField id={FIELD_IDS.name} label="Full name" value={name} onChange={setName} error={errorFor(error, 'name')} autoComplete="off" />
        <TextField
          id={FIELD_IDS.email} label="Email address" type="email" value={email} onChange={setEmail}
          error={errorFor(error, 'email')} hint="They sign in with this." autoComplete="off"
        />
        <RoleSelect id={FIELD_IDS.role} value={role} onChange={setRole} error={errorFor(error, 'role')} />
        <ServiceCheckboxes
          id="staff-services" services={services.data ?? []} value={serviceIds} onChange={setServiceIds} error={errorFor(error, 'serviceIds')}
        />
        <TextField
          id={FIELD_IDS.password} label="Temporary password" type="text" value={password} onChange={setPassword}
          error={errorFor(error, 'password')} autoComplete="off"
          hint="At least 12 characters. Give it to them in person; they must change it when they first sign in."
        />
        <TextField
          id={FIELD_IDS.phone} label="Mobile phone (optional)" type="tel" value={phone} onChange={setPhone} width={20}
          error={errorFor(error, 'phone')} hint="For escalation alerts, like 07700 900123." autoComplete="off"
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Adding…' : 'Add member of staff'}</button>
      </form>
    </>
  );
}
