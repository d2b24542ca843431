import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { can } from '@ccc/contracts';
import { useQuery } from '@tanstack/react-query';
import { ConnectionBanner } from '../../components/connection-banner';
import { getMeQueryOptions } from '../../features/auth/api/get-me';
import { useSignOut } from '../../features/auth/api/use-sign-out';
import { AllianceSwitcher } from '../../features/auth/components/alliance-switcher';
import { describeRoles, homeKindFor } from '../../features/auth/utils/roles';
import { useNotifications } from '../../features/notifications/api/get-notifications';
import { notificationsNavLabel } from '../../features/notifications/utils/labels';
import { useAuthToken } from '../../lib/auth-store';
import { useRecordLocation } from '../../utils/location-stack';
import { SiteFooter, SiteHeader, SkipLink, type FrameLink } from './frame';
import { UserIcon } from './nhs-logo';

const RouterLink: FrameLink = ({ to, className, children }) => (
  <Link className={className} to={to}>
    {children}
  </Link>
);

/** One item of the header's navigation, marked as the current page the NHS way when it is. */
function NavItem({ to, end, children }: { to: string; end?: boolean; children: string }) {
  const current = useMatch({ path: to, end: end ?? false }) !== null;
  return (
    <li
      className={
        current
          ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current'
          : 'nhsuk-header__navigation-item'
      }
    >
      <Link className="nhsuk-header__navigation-link" to={to} aria-current={current ? 'page' : undefined}>
        {/* Bold as well as underlined, for those who override the colours. */}
        {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{children}</strong> : children}
      </Link>
    </li>
  );
}

/** The page frame: skip link, NHS header with who is signed in and the navigation, main content and footer. */
export function RootLayout() {
  const token = useAuthToken();
  const me = useQuery({ ...getMeQueryOptions(), enabled: token !== null });
  const signOut = useSignOut();
  const location = useLocation();
  useRecordLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  // On a phone the navigation folds into the NHS header's "Menu" button; it closes again on every new page.
  // Kept as the page it was opened on, so that it is closed again on any other page.
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === location.pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenOn(open ? location.pathname : null);

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
  const notifications = useNotifications({ enabled: can(roles, 'notifications:read') });
  const homeLabel = can(roles, 'caseload:read')
    ? 'Caseload'
    : user && homeKindFor(user.roles) === 'ccc-list'
      ? 'Your CCCs'
      : 'Your programme';

  return (
    <>
      <SkipLink />
      <SiteHeader
        link={RouterLink}
        account={
          user && (
            <nav className="nhsuk-header__account" aria-label="Account">
              <ul className="nhsuk-header__account-list">
                <li className="nhsuk-header__account-item">
                  <UserIcon />
                  <span>
                    <span className="nhsuk-u-visually-hidden">Signed in as </span>
                    <strong>{user.fullName}</strong>
                    <span className="nhsuk-u-visually-hidden">, </span>
                    <span className="app-header__role">{describeRoles(user.roles)}</span>
                  </span>
                </li>
                {user.alliances.length > 1 && (
                  <li className="nhsuk-header__account-item">
                    <AllianceSwitcher me={user} />
                  </li>
                )}
                {can(roles, 'subject-access:export') && (
                  <li className="nhsuk-header__account-item">
                    <Link className="nhsuk-header__account-link" to="/your-data">
                      Your data
                    </Link>
                  </li>
                )}
                <li className="nhsuk-header__account-item">
                  <button className="nhsuk-header__account-button" type="button" onClick={signOut}>
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          )
        }
        navigation={
          user && (
            <nav
              className={
                menuOpen
                  ? 'nhsuk-header__navigation app-header-nav app-header-nav--open'
                  : 'nhsuk-header__navigation app-header-nav'
              }
              aria-label="Main"
            >
              <div className="nhsuk-header__navigation-container nhsuk-width-container app-width-container">
                <button
                  type="button"
                  className="app-header-nav__toggle"
                  aria-expanded={menuOpen}
                  aria-controls="header-navigation-list"
                  onClick={() => setMenuOpen(!menuOpen)}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape') setMenuOpen(false);
                  }}
                >
                  Menu
                  <svg
                    className="app-header-nav__chevron"
                    aria-hidden="true"
                    focusable="false"
                    viewBox="0 0 24 24"
                    width="16"
                    height="16"
                  >
                    <path d="M15.5 12a1 1 0 0 1-.29.71l-5 5a1 1 0 0 1-1.42-1.42l4.3-4.29-4.3-4.29a1 1 0 0 1 1.42-1.42l5 5a1 1 0 0 1 .29.71z" />
                  </svg>
                </button>
                <ul
                  className="nhsuk-header__navigation-list"
                  id="header-navigation-list"
                  onKeyDown={(event) => {
                    if (event.key === 'Escape' && menuOpen) {
                      setMenuOpen(false);
                      document.querySelector<HTMLButtonElement>('.app-header-nav__toggle')?.focus();
                    }
                  }}
                >
                  {/* A national viewer's "/" is the national figures: one item for it, not two. */}
                  {homeKindFor(user.roles) !== 'national' && (
                    <NavItem to="/" end>
                      {homeLabel}
                    </NavItem>
                  )}
                  {can(roles, 'agenda:read') && <NavItem to="/agenda">Agenda</NavItem>}
                  {can(roles, 'competency:review') && <NavItem to="/evidence-to-review">Evidence to review</NavItem>}
                  {can(roles, 'report:read') && <NavItem to="/reports/cohort">Report</NavItem>}
                  {can(roles, 'national:read') && <NavItem to="/national">National figures</NavItem>}
                  {can(roles, 'cohort:read') && <NavItem to="/admin/cohorts">Cohorts</NavItem>}
                  {can(roles, 'people:read') && <NavItem to="/admin/people">People</NavItem>}
                  {can(roles, 'organisation:manage') && <NavItem to="/admin/organisations">PCNs</NavItem>}
                  {can(roles, 'template:read') && <NavItem to="/admin/templates">Templates</NavItem>}
                  {can(roles, 'retention:read') && <NavItem to="/admin/retention">Retention</NavItem>}
                  {can(roles, 'sso:read') && <NavItem to="/admin/sign-in">Single sign-on</NavItem>}
                  {can(roles, 'calendar:manage') && <NavItem to="/calendar">Calendar link</NavItem>}
                  {can(roles, 'notifications:read') && (
                    <NavItem to="/notifications">{notificationsNavLabel(notifications.data?.unreadCount)}</NavItem>
                  )}
                </ul>
              </div>
            </nav>
          )
        }
      />
      <div className="nhsuk-width-container app-width-container">
        <main className="nhsuk-main-wrapper" id="main-content" tabIndex={-1} ref={mainRef}>
          <ConnectionBanner />
          <Outlet />
        </main>
      </div>
      <SiteFooter link={RouterLink} />
    </>
  );
}
