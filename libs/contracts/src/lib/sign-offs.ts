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
  /** Page of what the caller signed, newest first (1: the newest). */
  signedPage?: number;
  /** Sign-offs a page (default SIGNED_PAGE_SIZE). */
  signedPageSize?: number;
}

/** What the caller signed comes a page at a time: a supervisor signs hundreds of things over a programme. */
export const SIGNED_PAGE_SIZE = 50;
export const MAX_SIGNED_PAGE_SIZE = 200;

/**
 * Each party's own sign-offs across their CCCs: what awaits them (oldest first), what they signed (newest first),
 * and, for a CCC, what they are waiting on from whom. Filters apply to all three lists.
 */
export interface MySignOffsResponse {
  /** The sides the caller signs for in at least one of their enrolments. */
  parties: Party[];
  awaitingMe: AwaitedSignOffRow[];
  /** One page of what the caller signed, newest first. */
  signedByMe: SignOffRow[];
  /** Everything the caller signed that the filters match, over all pages. */
  signedTotal: number;
  signedPage: number;
  signedPageSize: number;
  waitingOn: AwaitedSignOffRow[];
  /** The CCCs the caller may filter by. */
  cccs: PersonRef[];
  /** Unfiltered count of what awaits the caller, for the home page. */
  awaitingCount: number;
}

/**
 * The counts each home page shows (`GET /api/sign-offs/summary`), without the lists: what awaits the caller and,
 * for a CCC, what they wait on.
 */
export interface SignOffsSummary {
  parties: Party[];
  awaitingCount: number;
  waitingOnCount: number;
}
