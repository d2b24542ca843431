import type { ReleaseRequestView } from '@ccc/contracts';
import { formatDate, formatMinutes } from '../../../utils/format';
import { useSendReleaseLink } from '../api/send-release-link';
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

/** Every release request, newest first, with its status in words and what the viewer can do with it. */
export function ReleaseList({ requests, cccName, isCcc, canDecide, canSendLink, onDone }: ReleaseListProps) {
  if (requests.length === 0) return <p>No study time or release has been logged yet.</p>;
  return (
    <ul className="release-list">
      {requests.map((request) => {
        const decided = decisionText(request);
        return (
          <li
            key={request.id}
            className={`release-item release-item--${request.status}`}
            data-request-id={request.id}
            data-status={request.status}
          >
            <div className="release-item__main">
              <span className="release-item__title">{request.description}</span>
              <span className="release-item__meta">
                {RELEASE_KIND_LABELS[request.kind]} · <time dateTime={request.date}>{formatDate(request.date)}</time> ·{' '}
                {formatMinutes(request.minutes)}
              </span>
            </div>
            <div className="release-item__status">
              <strong className={`badge badge--${RELEASE_STATUS_TONES[request.status]}`}>
                <span className="visually-hidden">Status: </span>
                {RELEASE_STATUS_LABELS[request.status]}
              </strong>
              {decided && <span className="release-item__decision">{decided}</span>}
              {request.overrideReason && (
                <span className="release-item__decision">Over the time agreed because: {request.overrideReason}</span>
              )}
            </div>
            {request.status === 'pending' && (canDecide || canSendLink) && (
              <div className="release-item__actions">
                {canDecide && <ReleaseDecision request={request} cccName={cccName} onDone={onDone} />}
                {!canDecide && canSendLink && <LinkForRequest request={request} isCcc={isCcc} />}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
