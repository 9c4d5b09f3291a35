import { useState, type FormEvent } from 'react';
import { api, ApiError, setCsrfToken } from '../api.ts';
import type { Me } from '../session.tsx';

export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('POST', '/api/session', { email, password });
      setCsrfToken(me.csrfToken);
      onSignedIn(me);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', 'Could not reach Wellcheck. Check your connection.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="nhsuk-main-wrapper nhsuk-width-container" id="main-content">
      <h1>Sign in to Wellcheck</h1>
      {error && (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title">There is a problem</h2>
          <p>{error.message}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="email">Email address</label>
          <input className="nhsuk-input" id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="password">Password</label>
          <input className="nhsuk-input" id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
