import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuthToken } from '../../lib/auth-store';

/** Routes inside need a token; without one (never signed in, signed out, expired, a 401) go to the sign-in page. */
export function RequireAuth() {
  const token = useAuthToken();
  const location = useLocation();
  if (!token) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={from === '/' ? undefined : { from }} />;
  }
  return <Outlet />;
}
