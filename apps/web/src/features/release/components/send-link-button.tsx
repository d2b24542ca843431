import { useState } from 'react';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { formatDateTime } from '../../../utils/format';
import type { LinkIssued } from '../api/send-release-link';

interface SendLinkButtonProps {
  label: string;
  /** What the link is for, read after the label: ": e-LfH ACCEND module, 25 Nov 2026". */
  hiddenName: string;
  send: (options: { onSuccess: (issued: LinkIssued) => void; onError: (error: unknown) => void }) => void;
  pending: boolean;
}

/** Asks the API to e-mail the PCN supervisor a one-time link, then says who it went to and until when it works. */
export function SendLinkButton({ label, hiddenName, send, pending }: SendLinkButtonProps) {
  const [issued, setIssued] = useState<LinkIssued | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        variant="secondary"
        small
        pending={pending}
        onClick={() => {
          setError(null);
          send({ onSuccess: setIssued, onError: (cause) => setError(describeError(cause)) });
        }}
      >
        {pending ? 'Sending…' : issued ? 'Send the link again' : label}
        <span className="nhsuk-u-visually-hidden">{hiddenName}</span>
      </Button>
      <div role="status">
        {issued && (
          <p>
            Link sent to {issued.sentTo.fullName}. It works once, until{' '}
            <time dateTime={issued.expiresAt}>{formatDateTime(issued.expiresAt)}</time>.
          </p>
        )}
      </div>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
    </div>
  );
}
