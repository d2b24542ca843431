import type { SessionView } from '@ccc/contracts';
import { SendLinkButton } from '../../release';
import { useSendSessionLink } from '../api/send-session-link';

/**
 * For the Alliance supervisor (or anyone else who can see a joint session waiting for the PCN supervisor): e-mail
 * the PCN supervisor a one-time link to accept the time or propose another, without signing in.
 */
export function PcnLink({ session }: { session: SessionView }) {
  const send = useSendSessionLink();
  return (
    <section aria-labelledby="pcn-link-heading" className="app-section">
      <h2 id="pcn-link-heading">Waiting for the PCN supervisor</h2>
      <p>
        The PCN supervisor has not answered yet. They can answer from an e-mailed link, without signing in; a new link
        replaces any earlier one.
      </p>
      <SendLinkButton
        label="Send the PCN supervisor a link"
        hiddenName={`: ${session.title}`}
        pending={send.isPending}
        send={(options) => send.mutate(session.id, options)}
      />
    </section>
  );
}
