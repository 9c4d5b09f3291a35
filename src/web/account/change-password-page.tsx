import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { ErrorSummary, errorFor, Notice, TextField, useSubmit } from '../forms.tsx';
import { Link } from '../link.tsx';
import { useSession } from '../session.tsx';

const FIELD_IDS = { currentPassword: 'current-password', newPassword: 'new-password', confirm: 'confirm-password' };

/**
 * Change my password. Staff given a temporary password are brought here before anything
 * else (the shell does that while me.staff.mustChangePassword is true).
 */
export function ChangePasswordPage() {
  const { me, refresh } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();
  const forced = me.staff.mustChangePassword;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      if (newPassword !== confirm) throw new ApiError(400, 'invalid', 'The two new passwords are not the same', 'confirm');
      await api('POST', '/api/session/password', { currentPassword, newPassword });
    });
    if (ok) {
      setCurrent('');
      setNew('');
      setConfirm('');
      setDone(true);
      await refresh();
    }
  }

  return (
    <>
      <h1>Change your password</h1>
      {forced && (
        <p className="nhsuk-body-l">
          You signed in with a temporary password. Choose your own before you carry on.
        </p>
      )}
      {done && (
        <Notice>
          Your password was changed. You stay signed in here; any other sessions of yours have ended.{' '}
          <Link className="nhsuk-link" href="/">Go to the home page</Link>
        </Notice>
      )}
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELD_IDS.currentPassword} label={forced ? 'Temporary password' : 'Current password'} type="password"
          value={currentPassword} onChange={setCurrent} error={errorFor(error, 'currentPassword')} autoComplete="current-password"
        />
        <TextField
          id={FIELD_IDS.newPassword} label="New password" type="password" value={newPassword} onChange={setNew}
          error={errorFor(error, 'newPassword')} autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong password you can remember."
        />
        <TextField
          id={FIELD_IDS.confirm} label="New password again" type="password" value={confirm} onChange={setConfirm}
          error={errorFor(error, 'confirm')} autoComplete="new-password"
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Changing…' : 'Change password'}</button>
      </form>
    </>
  );
}
