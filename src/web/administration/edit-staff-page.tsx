import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { ErrorSummary, errorFor, Notice, TextField, useSubmit } from '../forms.tsx';
import { Link } from '../link.tsx';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { roleLabel, type Service, type Staff } from './labels.ts';
import { ResetPasswordForm } from './reset-password-form.tsx';
import { RoleSelect, ServiceCheckboxes } from './staff-fields.tsx';
import { StaffStatus } from './staff-list-page.tsx';

const FIELD_IDS = { name: 'edit-name', role: 'edit-role', serviceIds: 'edit-services-0', phone: 'edit-phone', isActive: 'edit-active-yes' };

/**
 * One member of staff: change name, role, services, phone or status. The version seen is
 * sent back; if someone else saved in between, the server refuses (409) and we say so.
 */
export function EditStaffPage({ id }: { id: string }) {
  const { me } = useSession();
  const staff = useLoad(() => api<Staff>('GET', `/api/staff/${encodeURIComponent(id)}`), id);
  const services = useLoad(() => api<Service[]>('GET', '/api/services'));
  const manage = canDo(me, 'admin.manage');
  const [saved, setSaved] = useState(false);
  const s = staff.data;
  if (staff.error) {
    return (
      <>
        <h1>Member of staff</h1>
        <p className="nhsuk-error-message">{staff.error.status === 404 ? 'There is no such member of staff in your organisation.' : staff.error.message}</p>
        <p><Link className="nhsuk-link" href="/administration/staff">Back to staff</Link></p>
      </>
    );
  }
  if (!s) return <p>Loading…</p>;
  return (
    <>
      <p><Link className="nhsuk-link" href="/administration/staff">Staff</Link></p>
      <h1>{s.name}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Email</dt><dd className="nhsuk-summary-list__value">{s.email}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Role</dt><dd className="nhsuk-summary-list__value">{roleLabel(s.role)}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Status</dt><dd className="nhsuk-summary-list__value"><StaffStatus staff={s} /></dd></div>
      </dl>
      {saved && <Notice>Saved.</Notice>}
      {manage && (
        <EditStaffForm
          key={s.version} staff={s} services={services.data ?? []} isSelf={s.id === me.staff.id}
          onSaved={() => {
            setSaved(true);
            staff.reload();
          }}
        />
      )}
      {manage && <ResetPasswordForm staff={s} onDone={staff.reload} />}
    </>
  );
}

function EditStaffForm({ staff, services, onSaved, isSelf }: { staff: Staff; services: Service[]; onSaved: () => void; isSelf: boolean }) {
  const [name, setName] = useState(staff.name);
  const [role, setRole] = useState<string>(staff.role);
  const [serviceIds, setServiceIds] = useState(staff.serviceIds);
  const [phone, setPhone] = useState(staff.phone ?? '');
  const [isActive, setIsActive] = useState(staff.isActive);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      // Only what changed is sent, so the record's event says what this edit did.
      const changes: Record<string, unknown> = {};
      if (name !== staff.name) changes.name = name;
      if (role !== staff.role) changes.role = role;
      if ([...serviceIds].sort().join() !== [...staff.serviceIds].sort().join()) changes.serviceIds = serviceIds;
      if (isActive !== staff.isActive) changes.isActive = isActive;
      const newPhone = phone.trim() ? phone : null;
      if (newPhone !== staff.phone) changes.phone = newPhone;
      if (Object.keys(changes).length === 0) throw new ApiError(400, 'invalid', 'You have not changed anything yet.');
      await api<Staff>('PATCH', `/api/staff/${staff.id}`, { version: staff.version, ...changes });
    });
    if (ok) onSaved();
  }

  const stale = error?.status === 409;
  return (
    <form onSubmit={submit} noValidate className="wc-section">
      <h2>Change details</h2>
      <ErrorSummary error={stale ? null : error} fieldIds={FIELD_IDS} />
      {stale && (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="stale-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="stale-title">Someone else changed this</h2>
          <div className="nhsuk-error-summary__body">
            <p>Someone else changed this member of staff while you were editing. Reload to see their changes, then make yours again.</p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => window.location.reload()}>Reload</button>
          </div>
        </div>
      )}
      <TextField id={FIELD_IDS.name} label="Full name" value={name} onChange={setName} error={errorFor(error, 'name')} autoComplete="off" />
      <RoleSelect id={FIELD_IDS.role} value={role} onChange={setRole} error={errorFor(error, 'role')} />
      <ServiceCheckboxes id="edit-services" services={services} value={serviceIds} onChange={setServiceIds} error={errorFor(error, 'serviceIds')} />
      <TextField
        id={FIELD_IDS.phone} label="Mobile phone (optional)" type="tel" value={phone} onChange={setPhone} width={20}
        error={errorFor(error, 'phone')} autoComplete="off"
      />
      <div className={`nhsuk-form-group${errorFor(error, 'isActive') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby="edit-active-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Can they sign in?</legend>
          <div className="nhsuk-hint" id="edit-active-hint">
            {isSelf ? 'You cannot deactivate your own account.' : 'Deactivating ends their sessions at once. Their records stay.'}
          </div>
          {errorFor(error, 'isActive') && <span className="nhsuk-error-message">{errorFor(error, 'isActive')}</span>}
          <div className="nhsuk-radios">
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id="edit-active-yes" name="edit-active" type="radio" checked={isActive} onChange={() => setIsActive(true)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor="edit-active-yes">Yes, active</label>
            </div>
            <div className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id="edit-active-no" name="edit-active" type="radio" checked={!isActive} onChange={() => setIsActive(false)} disabled={isSelf} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor="edit-active-no">No, deactivated</label>
            </div>
          </div>
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save changes'}</button>
    </form>
  );
}
