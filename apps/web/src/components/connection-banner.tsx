import { useConnectionState } from '../lib/connection';
import { ConnectionNotice } from './connection-notice';

/** The connection's banner inside the SPA: offline, or the API not answering its requests. */
export function ConnectionBanner() {
  return <ConnectionNotice state={useConnectionState()} />;
}
