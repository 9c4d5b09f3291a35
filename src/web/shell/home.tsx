import { useSession } from '../session.tsx';
import { SCREENS } from '../routes.tsx';
import { Link } from '../link.tsx';

export function HomePage() {
  const { me } = useSession();
  const links = SCREENS.filter((s) => s.nav && s.path !== '/' && (!s.action || me.actions.includes(s.action)));
  return (
    <>
      <h1>Hello, {me.staff.name}</h1>
      <p className="nhsuk-body-l">You are signed in as {me.staff.roleLabel.toLowerCase()}.</p>
      {links.length > 0 && (
        <ul className="nhsuk-list wc-card-list">
          {links.map((s) => (
            <li key={s.path}>
              <Link className="nhsuk-link" href={s.path}>{s.nav}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
