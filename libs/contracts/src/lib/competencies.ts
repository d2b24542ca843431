import type {
  Competency,
  CompetencyEvent,
  CompetencyFramework,
  CompetencyState,
  CompetencyWording,
  FrameworkChanges,
  FrameworkImportProblem,
  ProficiencyLevel,
  TrainingItemKind,
} from '@ccc/programme';
import type { PersonRef } from './api';

/*
 * Competencies, evidence and sign-off, the training needs analysis (TNA), the training plan, drafts and the
 * portable record. Dates are ISO strings (instants) or YYYY-MM-DD (calendar dates). Every write that changes a
 * row the other side may also change takes the `version` read and answers 409 when it is stale.
 */

// ---- Frameworks ----------------------------------------------------------------------------------------------

export interface FrameworkSummary {
  id: string;
  key: string;
  name: string;
  version: number;
  domainCount: number;
  competencyCount: number;
  /** Cohorts whose CCCs work towards this version. */
  cohortCount: number;
  /** The framework a new cohort gets unless another is set. */
  isDefault: boolean;
  importedBy: PersonRef | null;
  createdAt: string;
}

export interface FrameworkResponse extends FrameworkSummary {
  definition: CompetencyFramework;
  cohorts: { id: string; name: string }[];
}

/**
 * `POST /api/competency-frameworks/import`, multipart: `file` (JSON or CSV, at most 1 MB) and optionally
 * `format` ('json' | 'csv'; otherwise told from the file's name or first character). A new version of the file's
 * framework key is stored, and every cohort on an older version of that key moves to it; an import identical to
 * the latest version stores nothing (`created: false`). Refused with 400 and `problems` when the file is
 * malformed, and with 409 and `lostProgress` when a competency that has progress recorded would disappear.
 */
export type FrameworkFileFormat = 'json' | 'csv';

export interface FrameworkImportResponse {
  framework: FrameworkResponse;
  created: boolean;
  /** Cohorts moved onto this version by the import. */
  cohortsMoved: number;
}

/** The 400 of a malformed import: each problem names its row and column (CSV) or line / path (JSON). */
export interface FrameworkImportError {
  statusCode: 400;
  error: string;
  message: string;
  errors: { field: string; reason: string }[];
  problems: FrameworkImportProblem[];
}

/** The 409 of an import (or a cohort's change of framework) that would orphan recorded progress. */
export interface FrameworkProgressConflict {
  statusCode: 409;
  error: string;
  message: string;
  lostProgress: { code: string; enrolments: number }[];
}

/** `PUT /api/cohorts/:id/competency-framework`: the cohort's CCCs work towards this framework version. */
export interface SetCohortFrameworkRequest {
  frameworkId: string;
  /** The cohort's version. */
  version: number;
}

export interface CohortFrameworkResponse {
  cohortId: string;
  framework: FrameworkSummary;
  /** The cohort's new version. */
  version: number;
}

/**
 * `POST /api/cohorts/:id/competency-framework/move` (administrators): moves a cohort, running or not, to another
 * framework version. With `dryRun` nothing changes and the answer lists what would; the move itself is refused
 * (409) while a removed competency has progress recorded against it.
 */
export interface MoveCohortFrameworkRequest {
  frameworkId: string;
  /** The cohort's version. */
  version: number;
  dryRun?: boolean;
}

export interface MoveCohortFrameworkResponse {
  cohortId: string;
  dryRun: boolean;
  /** Whether the cohort now works towards `to` (false for a dry run, or when it already did). */
  moved: boolean;
  from: FrameworkSummary;
  to: FrameworkSummary;
  /** Competencies added, removed and reworded; signed-off ones keep the wording signed. */
  changes: FrameworkChanges;
  /** The cohort's version after the call. */
  version: number;
}

// ---- Progress, evidence and sign-off ---------------------------------------------------------------------------

export const EVIDENCE_KINDS = ['reflection', 'link', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceFileView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** `GET` it with the bearer token; answers the file as an attachment. */
  downloadUrl: string;
}

export interface EvidenceView {
  id: string;
  kind: EvidenceKind;
  /** The reflection, or a note with a link or file. */
  text: string | null;
  url: string | null;
  file: EvidenceFileView | null;
  submittedBy: PersonRef | null;
  submittedAt: string;
  /** The CCC may still remove it: no reviewer has decided since it was added. */
  removable: boolean;
}

export const REVIEW_OUTCOMES = ['signed_off', 'returned', 'withdrawn'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** A review never changes once written: a withdrawn sign-off is a later `withdrawn` review with its reason. */
export interface ReviewView {
  id: string;
  outcome: ReviewOutcome;
  /** On the framework's scale; sign-offs only. */
  rating: number | null;
  ratingLabel: string | null;
  /** The reviewer's comment; for a withdrawal, the reason. */
  comment: string;
  reviewer: PersonRef | null;
  at: string;
}

export interface CompetencyProgressView {
  state: CompetencyState;
  /** 0 while nothing was ever recorded for this competency. */
  version: number;
  /** When it entered its state; null while not started. */
  since: string | null;
  evidenceCount: number;
  /** The sign-off in force (signed_off only). */
  signOff: ReviewView | null;
  /** The latest review of any outcome: the comment of a return is what the CCC reads. */
  latestReview: ReviewView | null;
  /** What the caller can do next. */
  availableActions: CompetencyEvent[];
}

export interface CompetencyCell extends Competency {
  progress: CompetencyProgressView;
  /** Signed off against other words: `title` and `description` are the ones signed, these the framework's now. */
  frameworkWording?: CompetencyWording;
}

export interface FrameworkRef {
  id: string;
  key: string;
  name: string;
  version: number;
}

/** `GET /api/enrolments/:id/competencies`: the grid, domains × competencies with their state. */
export interface CompetencyGridResponse {
  enrolmentId: string;
  ccc: PersonRef;
  allianceSupervisor: PersonRef | null;
  framework: FrameworkRef;
  scale: ProficiencyLevel[];
  domains: { key: string; title: string; description: string; competencies: CompetencyCell[] }[];
  counts: Record<CompetencyState, number>;
}

/** `GET /api/enrolments/:id/competencies/:code`: one competency with its evidence and reviews, oldest first. */
export interface CompetencyDetailResponse {
  enrolmentId: string;
  framework: FrameworkRef;
  scale: ProficiencyLevel[];
  domain: { key: string; title: string };
  /** As signed, once signed off; `frameworkWording` is the framework's current wording where it differs. */
  competency: Competency & { frameworkWording?: CompetencyWording };
  progress: CompetencyProgressView;
  evidence: EvidenceView[];
  reviews: ReviewView[];
}

/** `POST .../competencies/:code/start` (the CCC). `version` is the progress version read (0 before any). */
export interface StartCompetencyRequest {
  version: number;
}

/**
 * `POST .../competencies/:code/evidence` (the CCC): a reflection (`text`) or a link (`url`, optional `text` as a
 * note). A file goes to `POST .../competencies/:code/evidence/file` as multipart: `file` (PDF, PNG, JPEG, GIF,
 * WebP, Word, Excel or PowerPoint, at most 10 MB: 413 when larger, 415 when another type) and optional `text`.
 * Evidence is added, never changed; each piece puts the competency in `evidence_submitted` and tells the reviewer.
 */
export interface SubmitEvidenceRequest {
  kind: 'reflection' | 'link';
  text?: string;
  url?: string;
}

/** `POST .../competencies/:code/sign-off` (the CCC's own Alliance supervisor). */
export interface SignOffRequest {
  rating: number;
  comment: string;
  version: number;
}

/** `POST .../competencies/:code/return`: back to `working_towards`, saying what more is needed. */
export interface ReturnEvidenceRequest {
  comment: string;
  version: number;
}

/** `POST .../competencies/:code/withdraw-sign-off`: back to `working_towards`; the sign-off stays on record. */
export interface WithdrawSignOffRequest {
  reason: string;
  version: number;
}

export interface InboxItem {
  enrolmentId: string;
  ccc: PersonRef;
  competency: { code: string; title: string };
  domainTitle: string;
  state: CompetencyState;
  /** When the evidence arrived (waiting) or when it was returned. */
  since: string;
  evidenceCount: number;
  /** For the CCC: whether it was returned for more evidence or its sign-off withdrawn. */
  outcome: ReviewOutcome | null;
  /** The return's comment (or the withdrawal's reason), for the CCC. */
  comment: string | null;
  reviewer: PersonRef | null;
  /** The progress version, for a review straight from the inbox. */
  version: number;
}

/**
 * `GET /api/competencies/inbox`: for an Alliance supervisor, the evidence waiting for their review across their
 * caseload, oldest first; for a CCC, what was returned to them (or had its sign-off withdrawn), newest first. Either list is empty for others.
 */
export interface SignOffInboxResponse {
  awaitingReview: InboxItem[];
  returned: InboxItem[];
}

// ---- Training needs analysis and the training plan -------------------------------------------------------------

export interface TnaRatingView {
  code: string;
  selfRating: number | null;
  selfNote: string | null;
  agreedRating: number | null;
  needs: string | null;
}

export interface TnaSignature {
  by: PersonRef | null;
  at: string;
}

export interface TnaRoundView {
  round: number;
  /** 0 while the round has nothing recorded. */
  version: number;
  /** Both signatures in place: nothing can change any more. */
  signed: boolean;
  cccSignature: TnaSignature | null;
  supervisorSignature: TnaSignature | null;
  ratings: TnaRatingView[];
  /** Why the caller cannot sign yet, or null when they can (or have). */
  signBlocker: string | null;
  availableActions: ('rate_self' | 'agree_ratings' | 'sign')[];
}

/**
 * `GET /api/enrolments/:id/tna`: round 1, and round 2 (the second TNA reviews the first) once round 1 is signed
 * by both. The PCN supervisor reads it; the CCC and their Alliance supervisor write it.
 */
export interface TnaResponse {
  enrolmentId: string;
  framework: FrameworkRef;
  scale: ProficiencyLevel[];
  domains: { key: string; title: string; competencies: { code: string; title: string }[] }[];
  rounds: TnaRoundView[];
}

/**
 * `PUT /api/enrolments/:id/tna/:round/self-ratings` (the CCC) — the ratings given are set, others kept. A change
 * clears signatures already given; a round signed by both answers 409.
 */
export interface TnaSelfRatingsRequest {
  ratings: { code: string; rating: number; note?: string }[];
  version: number;
}

/** `PUT /api/enrolments/:id/tna/:round/agreed-ratings` (the Alliance supervisor): rating and needs per competency. */
export interface TnaAgreedRatingsRequest {
  ratings: { code: string; rating: number; needs?: string }[];
  version: number;
}

/** `POST /api/enrolments/:id/tna/:round/sign` (the CCC or their Alliance supervisor, each for their side). */
export interface TnaSignRequest {
  version: number;
}

export interface TrainingPlanItemView {
  id: string;
  kind: TrainingItemKind;
  title: string;
  courseKey: string | null;
  /** Month of the programme, 1-based. */
  targetMonth: number;
  competencyCodes: string[];
  done: boolean;
  /** YYYY-MM-DD */
  completedOn: string | null;
  /** `attendance`: marked done when the CCC's presence at the month's group teaching was recorded. */
  completedVia: 'ccc' | 'attendance' | null;
  sessionId: string | null;
  certificate: EvidenceFileView | null;
  version: number;
}

/** `GET /api/enrolments/:id/training-plan`: the items, by target month, with what the programme offers. */
export interface TrainingPlanResponse {
  enrolmentId: string;
  items: TrainingPlanItemView[];
  done: number;
  total: number;
  courses: { key: string; title: string }[];
  teaching: { month: number; topic: string }[];
  durationMonths: number;
  /** Whether the caller may add, change and remove items. */
  canEdit: boolean;
  /** Needs agreed at a TNA signed by both, not yet accepted into the plan or dropped (accept, edit or drop each). */
  proposals: TrainingProposalView[];
}

/** A need agreed at a TNA, proposed as a plan item: a free item by the month after the TNA, serving the competency. */
export interface TrainingProposalView {
  round: number;
  code: string;
  needs: string;
  title: string;
  targetMonth: number;
  competencyCodes: string[];
  /** The TNA round's version, sent back with the decision. */
  version: number;
}

/**
 * `POST /api/enrolments/:id/tna/:round/proposals/:code/accept` (the CCC or their Alliance supervisor): adds the
 * proposed item, with what is given changed. A need already accepted or dropped answers 409.
 */
export interface AcceptTrainingProposalRequest {
  title?: string;
  targetMonth?: number;
  competencyCodes?: string[];
  version: number;
}

/** `POST /api/enrolments/:id/tna/:round/proposals/:code/drop`: the need is no longer proposed. */
export interface DropTrainingProposalRequest {
  version: number;
}

/** `POST /api/enrolments/:id/training-plan-items` (the CCC or their Alliance supervisor). */
export interface CreateTrainingPlanItemRequest {
  kind: TrainingItemKind;
  /** Required for free items; courses and group teaching take their title from the programme. */
  title?: string;
  /** For `course`: one of the programme's self-directed courses. */
  courseKey?: string;
  targetMonth: number;
  competencyCodes: string[];
}

/** `PATCH /api/training-plan-items/:id`: what is given changes. */
export interface UpdateTrainingPlanItemRequest {
  title?: string;
  targetMonth?: number;
  competencyCodes?: string[];
  version: number;
}

/** `DELETE /api/training-plan-items/:id` with this body: items already done stay (409). */
export interface RemoveTrainingPlanItemRequest {
  version: number;
}

/**
 * `POST /api/training-plan-items/:id/complete` (the CCC), multipart: `completedOn` (YYYY-MM-DD), `version`, and
 * optionally `certificate` (a file, checked as evidence files are).
 */
export interface CompleteTrainingPlanItemRequest {
  completedOn: string;
  version: number;
}

// ---- Drafts ---------------------------------------------------------------------------------------------------

/**
 * `GET|PUT|DELETE /api/drafts/:key`: what a person is typing, kept on the server so that it survives signing out
 * and an expired session. Each person sees only their own. The API deletes the draft under the key below when the
 * real thing is submitted. `content` is any JSON up to 100 kB.
 */
export interface DraftView {
  key: string;
  content: unknown;
  /** null when there is no draft. */
  updatedAt: string | null;
}

export interface SaveDraftRequest {
  content: unknown;
}

/** Keys the API clears on submission; a key is letters, digits and `:._-`, at most 200 characters. */
export const draftKeys = {
  evidence: (enrolmentId: string, code: string) => `evidence:${enrolmentId}:${code}`,
  review: (enrolmentId: string, code: string) => `review:${enrolmentId}:${code}`,
  tnaSelf: (enrolmentId: string, round: number) => `tna-self:${enrolmentId}:${round}`,
  tnaAgreed: (enrolmentId: string, round: number) => `tna-agreed:${enrolmentId}:${round}`,
};

export const DRAFT_KEY_PATTERN = /^[A-Za-z0-9:._-]{1,200}$/;
