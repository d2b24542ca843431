import { can } from '@ccc/contracts';
import { Link } from 'react-router';
import { useMe } from '../../auth';
import { useSignOffsSummary } from '../api/get-sign-offs-summary';

/**
 * On each signing party's home: how many sign-offs await them (a CCC: how many they wait on), linking to their
 * sign-offs page. Nothing for a role that signs for no one (an administrator).
 */
export function SignOffsCount() {
  const me = useMe();
  const allowed = can(me.data?.roles.map(({ role }) => role) ?? [], 'sign-offs:read');
  const signOffs = useSignOffsSummary(allowed);
  if (!allowed || !signOffs.data) return null;
  const { awaitingCount, waitingOnCount, parties } = signOffs.data;
  const onlyCcc = parties.length === 1 && parties[0] === 'ccc';
  const text = onlyCcc
    ? waitingOnCount === 0
      ? 'No sign-offs you are waiting on'
      : `${waitingOnCount === 1 ? '1 sign-off' : `${waitingOnCount} sign-offs`} you are waiting on`
    : awaitingCount === 0
      ? 'No sign-offs await you'
      : `${awaitingCount === 1 ? '1 sign-off awaits' : `${awaitingCount} sign-offs await`} you`;
  return (
    <p className="nhsuk-body-l" data-sign-offs-count={onlyCcc ? waitingOnCount : awaitingCount}>
      <Link to="/sign-offs">{text}</Link>
    </p>
  );
}
