import type { AwaitedAction, Party, SignOffLink } from '@ccc/programme';

/** The SPA page of the record behind a sign-off. */
export function signOffPath(link: SignOffLink): string {
  const enrolment = `/enrolments/${encodeURIComponent(link.enrolmentId)}`;
  switch (link.record) {
    case 'competency':
      return `${enrolment}/competencies/${encodeURIComponent(link.code)}`;
    case 'tna':
      return `${enrolment}/tna`;
    case 'training_plan':
      return `${enrolment}/training-plan`;
    case 'expectations':
      return enrolment;
    case 'handover':
      return `${enrolment}/handover`;
    case 'release':
      return `${enrolment}/release`;
    case 'session':
      return `/sessions/${encodeURIComponent(link.sessionId)}`;
  }
}

export const PARTY_LABELS: Record<Party, string> = {
  ccc: 'the CCC',
  pcn: 'the PCN supervisor',
  alliance: 'the Alliance supervisor',
};

export const ACTION_LABELS: Record<AwaitedAction, string> = {
  review_evidence: 'Review evidence',
  sign_tna: 'Sign the TNA',
  sign_handover: 'Sign the handover',
  respond_to_slot: 'Answer a slot',
  decide_release: 'Decide release time',
};

/** "today", "1 day", "12 days". */
export function waitedText(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? '1 day' : `${days} days`;
}
