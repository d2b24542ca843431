import type { ReleaseRequestView } from '@ccc/contracts';
import { formatDate } from '../../../utils/format';

export const RELEASE_KIND_LABELS: Record<ReleaseRequestView['kind'], string> = {
  study: 'Study time',
  session: 'Session',
  training: 'Training day',
};

export const RELEASE_STATUS_LABELS: Record<ReleaseRequestView['status'], string> = {
  pending: 'Waiting for confirmation',
  confirmed: 'Confirmed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const RELEASE_STATUS_TONES: Record<ReleaseRequestView['status'], 'warning' | 'success' | 'danger' | 'neutral'> =
  {
    pending: 'warning',
    confirmed: 'success',
    declined: 'danger',
    withdrawn: 'neutral',
  };

/** "Confirmed by Priya Nair on 25 Nov 2026, by e-mailed link" and the like; null while pending. */
export function decisionText(request: ReleaseRequestView): string | null {
  if (request.status === 'pending') return null;
  const by = request.decidedBy ? ` by ${request.decidedBy.fullName}` : '';
  const on = request.decidedAt ? ` on ${formatDate(request.decidedAt.slice(0, 10))}` : '';
  const via = request.viaLink ? ', by e-mailed link' : '';
  const verb = RELEASE_STATUS_LABELS[request.status];
  // A decline's reason, or why a request was cancelled (its CCC withdrawn from the programme).
  const reason =
    (request.status === 'declined' || request.status === 'withdrawn') && request.decisionReason
      ? `: ${request.decisionReason}`
      : '';
  return `${verb}${by}${on}${via}${reason}`;
}

/** "Individual supervision, Wed 2 Dec 2026": what a button's hidden text names. */
export function requestName(request: ReleaseRequestView): string {
  return `${request.description}, ${formatDate(request.date)}`;
}
