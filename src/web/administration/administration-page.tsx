import { Link } from '../link.tsx';
import { canDo, useSession } from '../session.tsx';

/** The administration area's front page: what a registered manager can set up. */
export function AdministrationPage() {
  const { me } = useSession();
  const manage = canDo(me, 'admin.manage');
  return (
    <>
      <h1>Administration</h1>
      <p className="nhsuk-body-l">
        {manage
          ? 'Set up the services your organisation runs, the staff who work in them, and integrations.'
          : 'You can see how your organisation is set up. Only a registered manager or director can change it.'}
      </p>
      <ul className="nhsuk-list wc-card-list">
        <li><Link className="nhsuk-link" href="/administration/staff">Staff</Link> — who can sign in, their roles and services</li>
        <li><Link className="nhsuk-link" href="/administration/services">Services</Link> — supported-living schemes and teams</li>
        <li><Link className="nhsuk-link" href="/administration/api-tokens">Integration tokens</Link> — for telecare and other systems that send check-ins</li>
      </ul>
    </>
  );
}
