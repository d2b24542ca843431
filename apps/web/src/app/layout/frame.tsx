import type { ComponentType, ReactNode } from 'react';
import { SERVICE_NAME } from '../../utils/use-document-title';
import { NhsLogo } from './nhs-logo';

/** A link within the service: the router's inside the SPA, a plain one on the sign-in page opened first. */
export type FrameLink = ComponentType<{ to: string; className: string; children: ReactNode }>;

/** A plain link: a full page load, for a page shown without the router (app/sign-in-shell.tsx). */
export function PlainLink({ to, className, children }: { to: string; className: string; children: ReactNode }) {
  return (
    <a className={className} href={to}>
      {children}
    </a>
  );
}

export function SkipLink() {
  return (
    <a className="nhsuk-skip-link" href="#main-content">
      Skip to main content
    </a>
  );
}

/** The NHS header: the service's name, then who is signed in (`account`) and the navigation, when someone is. */
export function SiteHeader({
  link: Link,
  account,
  navigation,
}: {
  link: FrameLink;
  account?: ReactNode;
  navigation?: ReactNode;
}) {
  return (
    <header className="nhsuk-header">
      <div className="nhsuk-header__container nhsuk-width-container app-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-logo" to="/">
            <NhsLogo />
            <span className="nhsuk-header__service-name">{SERVICE_NAME}</span>
          </Link>
        </div>
        {account}
      </div>
      {navigation}
    </header>
  );
}

export function SiteFooter({ link: Link }: { link: FrameLink }) {
  return (
    <footer className="nhsuk-footer">
      <div className="nhsuk-width-container app-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              {/* Open signed in or not: everyone may read how their information is used. */}
              <Link className="nhsuk-footer__list-item-link" to="/privacy">
                Privacy notice
              </Link>
            </li>
          </ul>
          <p className="nhsuk-body-s">
            {SERVICE_NAME}: supervision and training for Cancer Care Coordinators in primary care.
          </p>
        </div>
      </div>
    </footer>
  );
}
