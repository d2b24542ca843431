import { Link } from 'react-router';

/** The NHS back link, to the page this one belongs to (not the browser's history, which may be an e-mail). */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Link className="nhsuk-back-link" to={to}>
      {children}
    </Link>
  );
}
