import type { EnrolmentStatus, PersonRef } from './api';

/** Retention and erasure of personal data (GET /api/retention, POST /api/enrolments/:enrolmentId/erasure). */

export interface RetentionRow {
  enrolmentId: string;
  cohort: { id: string; name: string };
  /** 'Erased person' once the CCC has been anonymised. */
  ccc: PersonRef;
  pcn: { id: string; name: string };
  status: EnrolmentStatus;
  /** YYYY-MM-DD: the day it was completed or withdrawn; null while active. */
  endedOn: string | null;
  /** YYYY-MM-DD: the first day its personal data is no longer kept; null while active. */
  retentionEndsOn: string | null;
  /** Ended, not erased, and past its retention: the retention job erases it on its next run. */
  due: boolean;
  erasedAt: string | null;
  erasedReason: string | null;
}

export interface RetentionList {
  /** The Alliance's retention period, in years (6 unless its policy says otherwise). */
  retentionYears: number;
  /** YYYY-MM-DD, London */
  today: string;
  enrolments: RetentionRow[];
}

/** POST /api/enrolments/:enrolmentId/erasure (the enrolment's Alliance administrator) */
export interface ErasureRequest {
  /** Why, e.g. "The CCC asked for their data to be erased (e-mail of 3 March)". Kept in the audit trail. */
  reason: string;
}

export interface ErasureResult {
  enrolmentId: string;
  erasedAt: string;
  reason: string;
  /** The person was anonymised too: they held no other enrolment or role. */
  personAnonymised: boolean;
  /** Rows blanked or removed, by table: what the audit entry records (never the data itself). */
  erased: Record<string, number>;
}
