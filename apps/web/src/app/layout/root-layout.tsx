import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { can } from '@ccc/contracts';
import { useQuery } from '@tanstack/react-query';
import { getMeQueryOptions } from '../../features/auth/api/get-me';
import { useSignOut } from '../../features/auth/api/use-sign-out';
import { describeRoles, homeKindFor } from '../../features/auth/utils/roles';
import { useAuthToken } from '../../lib/auth-store';
import { SERVICE_NAME } from '../../utils/use-document-title';

/** The page frame: skip link, header with who is signed in, navigation, main content and footer. */
export function RootLayout() {
  const token = useAuthToken();
  const me = useQuery({ ...getMeQueryOptions(), enabled: token !== null });
  const signOut = useSignOut();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After a client-side navigation, move focus to the new page's content, so a screen reader starts reading there
  // and the next Tab goes into the page rather than back through the header.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  const signedIn = token !== null;
  const user = signedIn ? me.data : undefined;
  const roles = user?.roles.map(({ role }) => role) ?? [];
  const homeLabel = can(roles, 'caseload:read')
    ? 'Caseload'
    : user && homeKindFor(user.roles) === 'ccc-list'
      ? 'Your CCCs'
      : 'Your programme';

  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner container">
          <Link className="header__service" to="/">
            <span className="header__logo" aria-hidden="true">
              NHS
            </span>
            <span className="header__service-name">{SERVICE_NAME}</span>
          </Link>
          {user && (
            <div className="header__account">
              <p className="header__user">
                <span className="visually-hidden">Signed in as </span>
                <span className="header__user-name">{user.fullName}</span>
                <span className="header__user-role">{describeRoles(user.roles)}</span>
              </p>
              <button className="button button--reverse" type="button" onClick={signOut}>
                Sign out
              </button>
            </div>
          )}
        </div>
        {user && (
          <nav className="nav" aria-label="Main">
            <ul className="nav__list container">
              <li>
                <NavLink className="nav__link" to="/" end>
                  {homeLabel}
                </NavLink>
              </li>
              {can(roles, 'agenda:read') && (
                <li>
                  <NavLink className="nav__link" to="/agenda">
                    Agenda
                  </NavLink>
                </li>
              )}
              {can(roles, 'calendar:manage') && (
                <li>
                  <NavLink className="nav__link" to="/calendar">
                    Calendar link
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
        )}
      </header>
      <main className="main container" id="main-content" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
      <footer className="footer">
        <div className="container">
          <p>{SERVICE_NAME}: supervision and training for Cancer Care Coordinators in primary care.</p>
        </div>
      </footer>
    </>
  );
}
