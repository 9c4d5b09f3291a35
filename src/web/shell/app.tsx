import { useCallback, useEffect, useRef, useState } from 'react';
import { ChangePasswordPage } from '../account/change-password-page.tsx';
import { api, SESSION_ENDED, setCsrfToken } from '../api.ts';
import { Link } from '../link.tsx';
import { matchPath, navigate, usePath } from '../router.ts';
import { SCREENS } from '../routes.tsx';
import { SessionContext, type Me } from '../session.tsx';
import { SignInPage } from '../sign-in/sign-in-page.tsx';

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const path = usePath();

  const refresh = useCallback(async () => {
    try {
      const m = await api<Me>('GET', '/api/session');
      setCsrfToken(m.csrfToken);
      setMe(m);
    } catch {
      setMe(null);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    const ended = () => setMe(null);
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);

  const signOut = useCallback(async () => {
    await api('DELETE', '/api/session').catch(() => undefined);
    setMe(null);
    navigate('/');
  }, []);

  // Staff on a temporary password choose their own before anything else.
  const mustChange = me?.staff.mustChangePassword === true;
  useEffect(() => {
    if (mustChange && path.split('?')[0] !== PASSWORD_PATH) navigate(PASSWORD_PATH);
  }, [mustChange, path]);

  // After moving to another screen, focus goes to its content so screen readers start there.
  const firstPath = useRef(true);
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    document.getElementById('main-content')?.focus();
  }, [path]);

  if (me === undefined) return <p className="nhsuk-width-container">Loading…</p>;
  if (me === null) return <SignInPage onSignedIn={setMe} />;

  const nav = mustChange ? [] : SCREENS.filter((s) => s.nav && (!s.action || me.actions.includes(s.action)));
  const found = SCREENS.map((s) => ({ s, m: matchPath(s.path, path) })).find((x) => x.m);
  const allowed = found && (!found.s.action || me.actions.includes(found.s.action));

  return (
    <SessionContext.Provider value={{ me, signOut, refresh }}>
      <a className="nhsuk-skip-link" href="#main-content">Skip to main content</a>
      <header className="wc-header" role="banner">
        <div className="nhsuk-width-container wc-header__inner">
          <Link className="wc-header__brand" href="/">Wellcheck</Link>
          <span className="wc-header__who">{me.staff.name} · {me.staff.roleLabel}</span>
          {!mustChange && <Link className="wc-header__link" href={PASSWORD_PATH}>Change password</Link>}
          <button type="button" className="wc-header__signout" onClick={signOut}>Sign out</button>
        </div>
        <nav className="wc-nav" aria-label="Main">
          <ul className="nhsuk-width-container wc-nav__list">
            {nav.map((s) => (
              <li key={s.path}>
                <Link href={s.path} aria-current={isCurrent(s.path, found?.s.path) ? 'page' : undefined}>{s.nav}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="nhsuk-main-wrapper nhsuk-width-container" id="main-content" tabIndex={-1}>
        {mustChange ? <ChangePasswordPage /> : found && allowed ? found.s.render(found.m!) : found ? <NotAllowed /> : <NotFound />}
      </main>
    </SessionContext.Provider>
  );
}

const PASSWORD_PATH = '/account/password';

/** A nav entry is current on its own screen and on the screens beneath it. */
const isCurrent = (navPath: string, screenPath: string | undefined) =>
  screenPath !== undefined && (screenPath === navPath || (navPath !== '/' && screenPath.startsWith(`${navPath}/`)));

const NotFound = () => (
  <>
    <h1>Page not found</h1>
    <p><Link href="/">Go to the home page</Link></p>
  </>
);
const NotAllowed = () => (
  <>
    <h1>You cannot see this page</h1>
    <p>Your role does not include this. Ask your registered manager if you need it.</p>
  </>
);
