import type {
  EvaluationSurvey,
  FreeTextAnswer,
  HandoverParty,
  HandoverTrainingItem,
  LikertLevel,
  OutcomeMeasure,
  SurveyRespondent,
} from '@ccc/programme';
import type { EnrolmentStatus, PersonRef } from './api';

/** Month six and after: the handover interview, the evaluation survey, the outcomes log and amendments. */

export interface HandoverSignatureView {
  party: HandoverParty;
  signedBy: PersonRef | null;
  signedAt: string | null;
}

/** GET /api/enrolments/:id/handover. `version` 0: nothing written yet. */
export interface HandoverView {
  enrolmentId: string;
  enrolmentStatus: EnrolmentStatus;
  pcnPriorities: string | null;
  roleDevelopment: string | null;
  trainingAgreed: HandoverTrainingItem[];
  followOnSupervisorName: string | null;
  /** YYYY-MM-DD */
  appraisalDate: string | null;
  roleEvaluation: string | null;
  signatures: HandoverSignatureView[];
  /** Why signing is not possible yet (its plan month has not come, or parts are still empty), or null. */
  signBlocker: string | null;
  /** YYYY-MM-DD: the first day of the handover's plan month, from which it can be signed (template data). */
  opensOn: string;
  /** What this caller may do: edit while the enrolment is open; sign as their own party. */
  canEdit: boolean;
  canSignAs: HandoverParty | null;
  /** The courses a `course` item may name. */
  courses: { key: string; title: string }[];
  version: number;
}

/**
 * PUT /api/enrolments/:id/handover: the whole record (send `version` 0 the first time). Changing it clears the
 * signatures already given: they signed something else.
 */
export interface UpdateHandoverRequest {
  pcnPriorities?: string | null;
  roleDevelopment?: string | null;
  trainingAgreed?: HandoverTrainingItem[];
  followOnSupervisorName?: string | null;
  appraisalDate?: string | null;
  roleEvaluation?: string | null;
  version: number;
}

/** POST /api/enrolments/:id/handover/sign: as the caller's own party; when all three have signed, completed. */
export interface SignHandoverRequest {
  version: number;
}

/** GET /api/enrolments/:id/survey: the caller's own response (or a blank one) and what they are asked. */
export interface SurveyResponseView {
  enrolmentId: string;
  respondent: SurveyRespondent;
  survey: EvaluationSurvey;
  status: 'not_started' | 'draft' | 'submitted';
  likert: Record<string, LikertLevel>;
  freeText: Record<string, FreeTextAnswer>;
  submittedAt: string | null;
  /** YYYY-MM-DD: the survey opens when the programme's last month starts. */
  opensOn: string;
  version: number;
}

/** PUT /api/enrolments/:id/survey saves a draft; POST /api/enrolments/:id/survey/submit saves and submits. */
export interface SaveSurveyRequest {
  likert: Record<string, LikertLevel>;
  freeText: Record<string, FreeTextAnswer>;
  /** 0 for a first save. */
  version: number;
}

export interface OutcomeEntryView {
  month: number;
  measureId: string;
  count: number;
  recordedBy: PersonRef | null;
  updatedAt: string;
  version: number;
}

/** GET /api/enrolments/:id/outcomes */
export interface OutcomesView {
  enrolmentId: string;
  measures: OutcomeMeasure[];
  /** Months of the programme that have started, in which counts can be recorded. */
  months: { month: number; startsOn: string; endsBefore: string }[];
  entries: OutcomeEntryView[];
  canRecord: boolean;
}

/** PUT /api/enrolments/:id/outcomes: upsert per (month, measure); `version` guards a count already recorded. */
export interface RecordOutcomesRequest {
  entries: { month: number; measureId: string; count: number; version?: number }[];
}

export const AMENDMENT_RECORDS = ['handover', 'outcome', 'session'] as const;
export type AmendmentRecord = (typeof AMENDMENT_RECORDS)[number];

/**
 * POST /api/enrolments/:id/amendments: a correction to a completed enrolment's record, with its reason. Name the
 * record and give the change for it: the handover fields, an outcome count, or a session's notes or attendance.
 */
export interface CreateAmendmentRequest {
  record: AmendmentRecord;
  reason: string;
  handover?: Omit<UpdateHandoverRequest, 'version'>;
  outcome?: { month: number; measureId: string; count: number };
  session?: { sessionId: string; notes?: string; attendance?: 'present' | 'apologies' | 'absent' };
}

export interface AmendmentView {
  id: string;
  record: AmendmentRecord;
  recordId: string;
  reason: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  amendedBy: PersonRef | null;
  at: string;
}

/** POST /api/enrolments/:id/withdraw: the enrolment ends early; its records are kept, read-only. */
export interface WithdrawEnrolmentRequest {
  reason: string;
  version: number;
}
