import type { MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { previousPathname } from '../utils/location-stack';

interface BackLinkProps {
  /** The page this one belongs to: where the link goes when the reader did not come from there in this tab. */
  to: string;
  children: string;
  /**
   * Words for going back to whatever app page came before (e.g. the agenda, for a group session), when that is not
   * `to`; without them the link goes to `to`.
   */
  anyPageLabel?: string;
}

/**
 * The NHS back link. When the page before this one in the tab is the page it names, it goes back in history, so the
 * reader finds that page as they left it (a filtered caseload, a scrolled timeline); otherwise it is a plain link.
 */
export function BackLink({ to, children, anyPageLabel }: BackLinkProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const previous = previousPathname(location);
  const target = to.split(/[?#]/)[0];
  const goesBack = previous !== null && (previous === target || anyPageLabel !== undefined);
  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!goesBack || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate(-1);
  };
  return (
    <Link className="nhsuk-back-link" to={to} onClick={back}>
      {goesBack && previous !== target && anyPageLabel ? anyPageLabel : children}
    </Link>
  );
}
