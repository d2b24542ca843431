import type { LikertLevel, Party, ProgrammeTemplate, SurveyRespondent, TemplateError } from '@ccc/programme';
import type { PersonRef } from './api';
import type { InvitableRole, Role } from './roles';
import type { ReportWorkforceRow } from './workforce';

/** The Alliance's cohort report (GET /api/reports/cohort) and the programme administration endpoints. */

/** Query of GET /api/reports/cohort and its exports; the date range selects cohorts by their start date. */
export interface CohortReportQuery {
  cohortId?: string;
  pcnId?: string;
  /** YYYY-MM-DD, cohorts starting on or after */
  from?: string;
  /** YYYY-MM-DD, cohorts starting on or before */
  to?: string;
}

export type ReportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ReportEnrolmentRow {
  cohortId: string;
  cohortName: string;
  /** YYYY-MM-DD */
  startDate: string;
  enrolled: number;
  supervisionTrack: number;
  trainingTrack: number;
  active: number;
  completed: number;
  withdrawn: number;
  /** Completed of enrolled, whole per cent; null with none enrolled. */
  completedPercent: number | null;
}

export interface ReportSessionRow {
  expectationKey: string;
  party: Party;
  title: string;
  /** `held`: sessions held against the target; `attended`: the CCCs' attendance of sessions held. */
  measure: 'held' | 'attended';
  delivered: number;
  expected: number;
  deliveredPercent: number | null;
  enrolmentsMet: number;
  enrolmentsCounted: number;
  /** CCCs whose target the plan cannot meet though everything planned is held or on course (no one's shortfall). */
  enrolmentsNotInPlan: number;
  /** The template's warning where its plan holds fewer sessions than the target. */
  warning: string | null;
  /** Sessions nobody booked before their month ended (not held), and held sessions not attended. */
  notHeld: number;
  didNotAttend: number;
}

export interface ReportDevelopment {
  cccs: number;
  competenciesSignedOff: number;
  cccsWithASignOff: number;
  trainingItems: number;
  trainingCompleted: number;
  trainingCompletedPercent: number | null;
}

export interface ReportReleaseRow {
  pcnId: string;
  pcnName: string;
  cccs: number;
  /** Release for sessions and training days, and protected study time, confirmed by the PCN. */
  confirmedHours: number;
  pendingRequests: number;
  declinedRequests: number;
}

export interface ReportStatementRow {
  statementId: string;
  text: string;
  respondents: SurveyRespondent[];
  answering: number;
  /** null when fewer than 5 answered */
  agreed: number | null;
  percentAgreed: number | null;
  /** "83%" or "fewer than 5" */
  display: string;
  /** Answers per level for a stacked bar; null when fewer than 5 answered. */
  distribution: Record<LikertLevel, number> | null;
}

export interface ReportOutcomeRow {
  measureId: string;
  label: string;
  unit: string;
  total: number;
  cccsReporting: number;
  /** Totals for programme months 1, 2, … */
  byMonth: number[];
}

/**
 * A measure's baseline and change, as the GM pilot reported its outcomes (rules: libs/programme outcome-change.ts):
 * counts summed over the CCCs, shares (`unit` "%") pooled over the reviews audited, changes in percentage points.
 */
export interface ReportOutcomeChangeRow {
  measureId: string;
  label: string;
  unit: string;
  kind: 'count' | 'share';
  cccs: number;
  baseline: number | null;
  latest: number | null;
  change: number | null;
  changePercent: number | null;
  medianBaseline: number | null;
  medianChange: number | null;
  overall: number | null;
  overallOf: number | null;
}

export interface ReportQuote {
  question: string;
  text: string;
}

export interface CohortReport {
  generatedAt: string;
  filters: {
    cohort: { id: string; name: string } | null;
    pcn: { id: string; name: string } | null;
    from: string | null;
    to: string | null;
  };
  enrolment: {
    cohorts: ReportEnrolmentRow[];
    total: Omit<ReportEnrolmentRow, 'cohortId' | 'cohortName' | 'startDate'>;
  };
  sessions: ReportSessionRow[];
  development: ReportDevelopment;
  release: ReportReleaseRow[];
  survey: {
    /** Submitted responses, by kind of respondent (never who). */
    responses: Record<SurveyRespondent, number>;
    statements: ReportStatementRow[];
  };
  outcomes: ReportOutcomeRow[];
  /** Each measure's baseline (first recording) and change (latest minus baseline), and the shares of reviews audited. */
  outcomeChanges: ReportOutcomeChangeRow[];
  /** Free-text answers the respondents allowed to be quoted, without names, in a fixed order. */
  quotes: ReportQuote[];
  /**
   * The wider support workforce at the cohorts' sessions open to them (the month-6 conference), by role: each
   * cohort's whole conference, whatever the PCN filter (they belong to no PCN of the programme).
   */
  widerWorkforce: { rows: ReportWorkforceRow[]; registered: number; present: number };
}

// ---------------------------------------------------------------------------------------------------------------
// Programme administration

/** POST /api/cohorts (administrators) */
export interface CreateCohortRequest {
  name: string;
  templateId: string;
  /** YYYY-MM-DD */
  startDate: string;
  /** Alliance supervisors who run the cohort. */
  supervisorIds: string[];
}

/** GET /api/people (administrators and Alliance supervisors): people of their Alliance and its PCNs. */
export interface PersonListItem extends PersonRef {
  email: string;
  roles: { role: Role; organisationId: string; organisationName: string }[];
  /** Invited and the password not yet set. */
  invitationPending: boolean;
  /** A new e-mail address waiting for its owner's confirmation. */
  pendingEmail: string | null;
  /** When an administrator deactivated the account (no sign-in); null while active. */
  deactivatedAt: string | null;
  version: number;
}

/** GET /api/organisations: the Alliance and its PCNs. */
export interface OrganisationView {
  id: string;
  name: string;
  kind: 'alliance' | 'pcn';
  parentId: string | null;
  /** A closed PCN keeps its history and takes no new enrolments. */
  closedAt: string | null;
  version: number;
}

/** POST /api/people/invitations (administrators): creates the person with one role and e-mails a one-time link. */
export interface InvitePersonRequest {
  email: string;
  fullName: string;
  role: InvitableRole;
  /** The Alliance for admins and Alliance supervisors; the PCN for PCN supervisors and CCCs. */
  organisationId: string;
}

export interface InvitationIssued {
  /**
   * The invitation as the administrator's lists show it until it is answered: its id, and the name and e-mail as
   * typed (the same answer whether or not the address is known anywhere). For a person who already holds a role in
   * the Alliance and is given another, the person themself.
   */
  person: PersonRef & { email: string };
  /** When the e-mailed link expires; null when a person of the Alliance was given another role directly. */
  expiresAt: string | null;
}

/** GET /api/role-offers/:token (signed in as the person offered it) */
export interface RoleOfferView {
  role: Role;
  organisationName: string;
  allianceId: string;
  expiresAt: string;
}

/** GET /api/invitations/:token (open; the token is the credential) */
export interface InvitationView {
  fullName: string;
  email: string;
  expiresAt: string;
}

/** POST /api/invitations/:token/password (open): sets the password once; then sign in as usual. */
export interface SetPasswordRequest {
  password: string;
}

/** POST /api/templates/validate: the dry run, nothing saved. */
export interface ValidateTemplateRequest {
  definition: unknown;
}

export interface TemplateValidationResponse {
  valid: boolean;
  errors: TemplateError[];
  warnings: string[];
  /** The key and version the definition would be saved under, when valid. */
  wouldBe: { key: string; version: number } | null;
}

/**
 * POST /api/templates/:id/versions: the next version of that template (key kept, version = latest + 1). When
 * the definition has warnings, `acknowledgedWarnings` must be true (the administrator has read them).
 */
export interface CreateTemplateVersionRequest {
  definition: ProgrammeTemplate;
  acknowledgedWarnings?: boolean;
}
