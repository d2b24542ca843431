import type { PersonRef } from './api';

/**
 * The administration life cycle (issue #16, items 1–4): correcting cohorts, organisations and enrolments after
 * they were made. Every change is audited with what it was before and after.
 */

/** PATCH /api/cohorts/:id (administrators): the name at any time; dates and supervisors before the cohort starts. */
export interface UpdateCohortRequest {
  name?: string;
  /** YYYY-MM-DD, after today: the planned (unbooked) sessions move with it. */
  startDate?: string;
  supervisorIds?: string[];
  version: number;
}

/** The body of a change that needs only the version read (close, reinstate, delete). */
export interface VersionRequest {
  version: number;
}

/** POST /api/organisations (administrators): a PCN of the administrator's Alliance. */
export interface CreateOrganisationRequest {
  name: string;
}

/** PATCH /api/organisations/:id (administrators): rename a PCN. */
export interface UpdateOrganisationRequest {
  name: string;
  version: number;
}

/**
 * PATCH /api/enrolments/:id (administrators): move a CCC to another PCN, PCN supervisor or Alliance supervisor from
 * a date. A field left out is unchanged; null removes a supervisor.
 */
export interface ChangeEnrolmentRequest {
  pcnId?: string;
  pcnSupervisorId?: string | null;
  allianceSupervisorId?: string | null;
  /** YYYY-MM-DD, not after today: from when the change holds (the audit entry keeps it). */
  effectiveFrom: string;
  reason: string;
  version: number;
}

/** One change of an enrolment, from the audit trail: GET /api/enrolments/:id/changes. */
export interface EnrolmentChange {
  action: string;
  at: string;
  by: PersonRef | null;
  effectiveFrom: string | null;
  reason: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
}

/**
 * What a former supervisor of an enrolment signed before they were replaced (#16 item 4): theirs to read, never to
 * change, and nothing signed after the change by anyone.
 */
export interface SignedRecords {
  enrolmentId: string;
  ccc: PersonRef;
  /** The first day they were no longer the CCC's supervisor. */
  until: string;
  role: 'pcn_supervisor' | 'alliance_supervisor';
  signOffs: { competencyCode: string; outcome: string; rating: number | null; comment: string; at: string }[];
  sessions: { id: string; title: string; month: number; startsAt: string | null; recordedAt: string }[];
  releaseDecisions: { id: string; date: string; minutes: number; status: string; decidedAt: string }[];
}

/** POST /api/enrolments/:id/pause: the first paused day (not after today) and why. */
export interface PauseEnrolmentRequest {
  from: string;
  reason: string;
  version: number;
}

/**
 * POST /api/enrolments/:id/resume (and /resume/preview, which changes nothing): the first day back, and whether the
 * plan months after the pause move on by the paused length.
 */
export interface ResumeEnrolmentRequest {
  from: string;
  shift: boolean;
  version: number;
}
