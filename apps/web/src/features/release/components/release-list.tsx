import type { ReleaseRequestView } from '@ccc/contracts';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/error-message';
import { Tag } from '../../../components/tag';
import { formatDate, formatMinutes } from '../../../utils/format';
import { useSendReleaseLink } from '../api/send-release-link';
import { useWithdrawRelease } from '../api/withdraw-release';
import {
  RELEASE_KIND_LABELS,
  RELEASE_STATUS_LABELS,
  RELEASE_STATUS_TONES,
  decisionText,
  requestName,
} from '../utils/labels';
import { ReleaseDecision } from './release-decision';
import { SendLinkButton } from './send-link-button';

interface ReleaseListProps {
  requests: ReleaseRequestView[];
  cccName: string;
  /** The CCC themself: "my PCN supervisor". */
  isCcc: boolean;
  canDecide: boolean;
  canSendLink: boolean;
  onDone: (message: string) => void;
}

function LinkForRequest({ request, isCcc }: { request: ReleaseRequestView; isCcc: boolean }) {
  const send = useSendReleaseLink();
  return (
    <SendLinkButton
      label={isCcc ? 'Send my PCN supervisor a link to confirm' : 'Send the PCN supervisor a link to confirm'}
      hiddenName={`: ${requestName(request)}`}
      pending={send.isPending}
      send={(options) => send.mutate(request.id, options)}
    />
  );
}

/** The CCC takes back their own study time or training day while the PCN supervisor has not decided it. */
function WithdrawRequest({ request, onDone }: { request: ReleaseRequestView; onDone: (message: string) => void }) {
  const withdraw = useWithdrawRelease(request.enrolmentId);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        variant="secondary"
        small
        pending={withdraw.isPending}
        onClick={() => {
          if (withdraw.isPending) return;
          setError(null);
          withdraw.mutate(
            { requestId: request.id, version: request.version },
            {
              onSuccess: () => onDone(`Withdrawn: ${request.description}. It no longer waits for your PCN supervisor.`),
              onError: (cause) => setError(describeError(cause)),
            },
          );
        }}
      >
        Withdraw<span className="nhsuk-u-visually-hidden">: {requestName(request)}</span>
      </Button>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Every release request, newest first, each a card with its status tag and what the viewer can do with it. */
export function ReleaseList({ requests, cccName, isCcc, canDecide, canSendLink, onDone }: ReleaseListProps) {
  if (requests.length === 0) return <p>No study time or release has been logged yet.</p>;
  return (
    <ul className="nhsuk-list app-card-list">
      {requests.map((request) => {
        const decided = decisionText(request);
        return (
          <li key={request.id} data-request-id={request.id} data-status={request.status}>
            <div className="nhsuk-card">
              <div className="nhsuk-card__content">
                <div className="app-item-card__head">
                  <p className="app-item-card__title">
                    <strong>{request.description}</strong>
                    <span className="app-secondary-text">
                      {RELEASE_KIND_LABELS[request.kind]} ·{' '}
                      <time dateTime={request.date}>{formatDate(request.date)}</time> · {formatMinutes(request.minutes)}
                    </span>
                  </p>
                  <Tag tone={RELEASE_STATUS_TONES[request.status]} hiddenPrefix="Status: ">
                    {RELEASE_STATUS_LABELS[request.status]}
                  </Tag>
                </div>
                {decided && <p className="app-secondary-text">{decided}</p>}
                {request.overrideReason && (
                  <p className="app-secondary-text">Over the time agreed because: {request.overrideReason}</p>
                )}
                {request.status === 'pending' && canDecide && (
                  <ReleaseDecision request={request} cccName={cccName} onDone={onDone} />
                )}
                {request.status === 'pending' && !canDecide && canSendLink && (
                  <LinkForRequest request={request} isCcc={isCcc} />
                )}
                {request.status === 'pending' && isCcc && request.kind !== 'session' && (
                  <WithdrawRequest request={request} onDone={onDone} />
                )}
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
