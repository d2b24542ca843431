import type { AwaitedSignOff, Party, SignOffEvent, SignOffKind } from '@ccc/programme';
import type { PersonRef } from './api';

/** What awaits a party in one enrolment, as one viewer sees it: `yours` when the viewer is the party awaited. */
export interface AwaitedSignOffView extends AwaitedSignOff {
  yours: boolean;
}

/** A sign-off across the viewer's CCCs: the event and whose enrolment it is. */
export interface SignOffRow extends SignOffEvent {
  ccc: PersonRef;
}

export interface AwaitedSignOffRow extends AwaitedSignOff {
  ccc: PersonRef;
  /** The person awaited, when the enrolment names one (the PCN side: the named PCN supervisor, if any). */
  from: PersonRef | null;
}

/** The query of `GET /api/sign-offs`: each absent means all. */
export interface MySignOffsQuery {
  ccc?: string;
  kind?: SignOffKind;
  month?: number;
}

/**
 * Each party's own sign-offs across their CCCs: what awaits them (oldest first), what they signed (newest first),
 * and, for a CCC, what they are waiting on from whom. Filters apply to all three lists.
 */
export interface MySignOffsResponse {
  /** The sides the caller signs for in at least one of their enrolments. */
  parties: Party[];
  awaitingMe: AwaitedSignOffRow[];
  signedByMe: SignOffRow[];
  waitingOn: AwaitedSignOffRow[];
  /** The CCCs the caller may filter by. */
  cccs: PersonRef[];
  /** Unfiltered count of what awaits the caller, for the home page. */
  awaitingCount: number;
}
