import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, errorFor, Notice, TextField, useSubmit } from '../forms.tsx';
import type { Staff } from './labels.ts';

/** Sets a temporary password: their sessions end and they must choose a new one at sign-in. */
export function ResetPasswordForm({ staff, onDone }: { staff: Staff; onDone: () => void }) {
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const ok = await run(async () => {
      await api('POST', `/api/staff/${staff.id}/password-reset`, { temporaryPassword });
    });
    if (ok) {
      setTemporaryPassword('');
      setDone(true);
      onDone();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="wc-section">
      <h2>Reset password</h2>
      {done && <Notice>The password was reset. {staff.name} must choose a new one when they next sign in.</Notice>}
      <ErrorSummary error={error} fieldIds={{ temporaryPassword: 'reset-password' }} />
      <TextField
        id="reset-password" label="Temporary password" value={temporaryPassword} onChange={setTemporaryPassword}
        error={errorFor(error, 'temporaryPassword')} autoComplete="off"
        hint="At least 12 characters. Signs them out everywhere."
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>{busy ? 'Resetting…' : 'Reset password'}</button>
    </form>
  );
}
