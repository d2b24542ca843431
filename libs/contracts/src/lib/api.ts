import type {
  DisplayStatus,
  ExpectationResult,
  ReleaseKind,
  ReleaseStatus,
  ReminderKind,
  StudyWeek,
  SessionAction,
  ParticipantRole,
  ProgrammeTemplate,
  SessionKind,
  SessionMode,
  SessionStatus,
  SignOffEvent,
  Track,
} from '@ccc/programme';
import type { Role } from './roles';
import type { AwaitedSignOffView } from './sign-offs';
import type { PersonListItem } from './reports';

/** Shapes of the API's requests and responses, shared by the API and the SPA. Dates are ISO strings. */

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RoleAssignmentView {
  role: Role;
  organisationId: string;
  organisationName: string;
}

export interface MeResponse {
  id: string;
  email: string;
  fullName: string;
  /** The Alliance the person is acting in (null: a national viewer only). */
  allianceId: string | null;
  /** Every Alliance the person holds a role in; with more than one, they choose which to act in. */
  alliances: { id: string; name: string }[];
  /** The roles held in the acting Alliance (and a national viewer's). */
  roles: RoleAssignmentView[];
}

export interface LoginResponse {
  accessToken: string;
  /** seconds */
  expiresIn: number;
  me: MeResponse;
}

export interface PersonRef {
  id: string;
  fullName: string;
}

export const ENROLMENT_STATUSES = ['active', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface EnrolmentSummary {
  id: string;
  cohort: { id: string; name: string; startDate: string };
  ccc: PersonRef & { email: string };
  pcn: { id: string; name: string };
  pcnSupervisor: PersonRef | null;
  allianceSupervisor: PersonRef | null;
  track: Track;
  /** YYYY-MM-DD */
  employmentStart: string;
  status: EnrolmentStatus;
  /** Why it was withdrawn (null otherwise). */
  statusReason?: string | null;
  /** When it was completed or withdrawn. */
  statusChangedAt?: string | null;
  /** 1-based month of the programme today, or null before the start / after the end. */
  currentMonth: number | null;
  /** The first paused day while the CCC is paused (#16 item 4), else null. */
  pausedFrom?: string | null;
  /** Why, while paused. */
  pauseReason?: string | null;
  version: number;
}

export interface TimelineParticipant {
  role: ParticipantRole;
  person: PersonRef | null;
}

export const ATTENDANCE_STATES = ['expected', 'present', 'apologies', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE_STATES)[number];

export interface TimelineSession {
  id: string;
  planItemKey: string;
  kind: SessionKind;
  title: string;
  purpose: string;
  /**
   * The stored status, or as of now `not_held` (never booked, its month over), `overdue` (not recorded in time) or,
   * on a CCC's own timeline, `did_not_attend` (held; they were absent or sent apologies).
   */
  status: DisplayStatus;
  /** ISO instant, when booked (or proposed by the Alliance while awaiting the PCN supervisor) */
  startsAt: string | null;
  durationMinutes: number | null;
  durationRange: { min: number; max: number };
  mode: SessionMode;
  meetingLink: string | null;
  place: string | null;
  /** Why the session is booked outside its plan month; shown on every timeline. */
  outOfMonthReason: string | null;
  /** The other time the PCN supervisor proposed, while the session awaits the Alliance. */
  proposedStartsAt: string | null;
  cancellationReason: string | null;
  /** One meeting for the cohort (group supervision, group teaching, conference). */
  sharedByCohort: boolean;
  participants: TimelineParticipant[];
  /** This CCC's attendance. */
  attendance: Attendance;
  /** What the person viewing can do next with this session. */
  availableActions: SessionAction[];
  /** Who signed what for this session, oldest first: the PCN's acceptance of the slot, the record, the release. */
  signOffs: SignOff[];
  version: number;
}

export interface SignOff {
  what: 'slot_accepted' | 'recorded' | 'release_confirmed' | 'release_declined';
  by: PersonRef | null;
  at: string;
  viaLink: boolean;
}

export type MonthState = 'past' | 'current' | 'future';

export interface TimelineMonth {
  month: number;
  /** YYYY-MM-DD, first day of the month */
  startsOn: string;
  /** YYYY-MM-DD, first day after the month (exclusive) */
  endsBefore: string;
  state: MonthState;
  teachingTopic: string | null;
  sessions: TimelineSession[];
  /** Every sign-off made in this month (competencies, TNA, training, attestations, handover, amendments, sessions). */
  signOffEvents: SignOffEvent[];
}

export interface TimelineResponse {
  enrolment: EnrolmentSummary;
  template: { id: string; name: string; version: number };
  /** YYYY-MM-DD in Europe/London */
  today: string;
  months: TimelineMonth[];
  selfDirectedCourses: { key: string; title: string }[];
  /** What awaits whom in this enrolment, oldest first; `yours` marks what the viewer may do next. */
  awaitingSignOffs: AwaitedSignOffView[];
}

export interface CohortResponse {
  id: string;
  name: string;
  startDate: string;
  /** exclusive */
  endsBefore: string;
  template: { id: string; name: string; version: number };
  allianceSupervisors: PersonRef[];
  enrolments: { total: number; supervision: number; training: number };
  /** When an administrator closed it (no new enrolments); null while open. */
  closedAt: string | null;
  version: number;
}

/**
 * `GET /api/cohorts/:id/group-sessions`: the cohort's own meetings (group supervision, group teaching, the
 * conference), one each for every CCC of the cohort, in plan order: where a group session is booked from.
 */
export interface CohortGroupSession {
  id: string;
  planItemKey: string;
  kind: SessionKind;
  title: string;
  month: number;
  /** YYYY-MM-DD, the plan month's first day and the day after its last */
  monthStartsOn: string;
  monthEndsBefore: string;
  status: DisplayStatus;
  startsAt: string | null;
  durationMinutes: number | null;
  lead: PersonRef | null;
  /** How many CCCs are on its register (every CCC of the cohort enrolled for it). */
  registerSize: number;
  version: number;
}

export interface TemplateResponse {
  id: string;
  key: string;
  name: string;
  version: number;
  definition: ProgrammeTemplate;
  warnings: string[];
  createdAt: string;
}

export interface CreateEnrolmentRequest {
  cccId: string;
  pcnId: string;
  pcnSupervisorId?: string;
  allianceSupervisorId?: string;
  track: Track;
  employmentStart: string;
}

/** The body of every error answer. `errors` lists each field at fault for a 400. */
/**
 * Every error answer, sent as an RFC 9457 problem (`application/problem+json`). `statusCode`, `error`, `message`
 * and `errors` are the API's own fields; `type`, `title`, `status`, `detail` and `instance` repeat them in the
 * standard's words (the server adds them as it sends).
 */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; reason: string }[];
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
}

/** Book a planned session. Times are ISO instants; the API reads days in Europe/London. */
export interface BookSessionRequest {
  startsAt: string;
  durationMinutes: number;
  mode: SessionMode;
  meetingLink?: string;
  place?: string;
  /** Required when the date is outside the session's plan month. */
  outOfMonthReason?: string;
  /** Alliance supervisors may book over a clash, saying why. */
  conflictOverrideReason?: string;
  /** The version read; a stale one is a 409. */
  version: number;
}

export interface RescheduleSessionRequest extends BookSessionRequest {
  reason: string;
}

export interface CancelSessionRequest {
  reason: string;
  version: number;
}

/** The PCN supervisor accepts the offered slot, or proposes another time. */
export interface PcnResponseRequest {
  decision: 'accept' | 'propose';
  proposedStartsAt?: string;
  version: number;
}

/** The Alliance supervisor accepts the PCN's proposal, or counters with another time. */
export interface AllianceResponseRequest {
  decision: 'accept' | 'counter';
  startsAt?: string;
  version: number;
}

export interface AgreedAction {
  description: string;
  owner: ParticipantRole;
  /**
   * Which CCC owns it, by their enrolment on the session's register: required for a CCC's action in a group session
   * (a one-to-one session's CCC is filled in), never for a supervisor's.
   */
  ownerEnrolmentId?: string;
  /** YYYY-MM-DD */
  dueDate: string;
}

export interface RecordSessionRequest {
  /** One entry per CCC attending (for group sessions: every CCC of the cohort on the register). */
  attendance: { enrolmentId: string; attendance: Exclude<Attendance, 'expected'> }[];
  /** Attendance of the supervisors, for sessions they take part in. */
  staffAttendance?: Partial<Record<'pcn_supervisor' | 'alliance_supervisor', Exclude<Attendance, 'expected'>>>;
  notes?: string;
  actions?: AgreedAction[];
  version: number;
}

export interface SessionActionView extends Omit<AgreedAction, 'ownerEnrolmentId'> {
  id: string;
  /** The enrolment of the CCC who owns a CCC's action; null for a supervisor's (or one recorded before it was kept). */
  ownerEnrolmentId: string | null;
  /** That CCC, when the reader may see them on the register; null otherwise. */
  ownerCcc: PersonRef | null;
  done: boolean;
  version: number;
}

/** An open action agreed in an earlier session, brought to this one (and to its owner's home page). */
export interface OpenActionView extends SessionActionView {
  session: { id: string; title: string; startsAt: string | null };
  enrolmentId: string;
  ccc: PersonRef;
  /** The caller owns it and may mark it done. */
  mine: boolean;
}

/** `POST /api/agreed-actions/:id/done`: the owner marks an agreed action done. */
export interface MarkActionDoneRequest {
  version: number;
}

export interface SessionHistoryEntry {
  at: string;
  actor: PersonRef | null;
  action: string;
  from: SessionStatus | null;
  to: SessionStatus | null;
  reason: string | null;
  /** The session's time after the change. */
  startsAt: string | null;
  /** Its time before the change, when the change moved it (a reschedule, an accepted proposal): kept, not lost. */
  previousStartsAt: string | null;
}

/** One session in full, as GET /api/sessions/:id returns it and every session write answers. */
export interface SessionView extends Omit<TimelineSession, 'attendance' | 'participants' | 'signOffs'> {
  cohortId: string;
  enrolmentId: string | null;
  month: number;
  monthStartsOn: string;
  monthEndsBefore: string;
  lead: PersonRef | null;
  /** The register: every CCC attending, with their PCN supervisor and Alliance supervisor. */
  attendees: {
    enrolmentId: string;
    ccc: PersonRef;
    pcnSupervisor: PersonRef | null;
    allianceSupervisor: PersonRef | null;
    attendance: Attendance;
  }[];
  participants: ParticipantRole[];
  staffAttendance: Partial<Record<'pcn_supervisor' | 'alliance_supervisor', Attendance>>;
  notes: string | null;
  recordedAt: string | null;
  actions: SessionActionView[];
  /** Open actions from earlier sessions with this session's CCC, to follow up. */
  carriedActions: OpenActionView[];
  history: SessionHistoryEntry[];
}

/** A 409 for a clash names the other session. */
export interface ConflictError extends ApiError {
  conflict?: { sessionId: string; title: string; startsAt: string; durationMinutes: number };
}

/** The Alliance supervisor's caseload: per CCC, what is unbooked, waiting, coming up, overdue. */
export interface CaseloadRow {
  enrolment: EnrolmentSummary;
  /** Planned sessions of the current and earlier months not yet booked. */
  unbooked: number;
  /** Waiting for the PCN supervisor or for the Alliance supervisor. */
  awaiting: number;
  upcoming: number;
  overdue: number;
  /** Sessions nobody booked before their month ended: not held. */
  notHeld: number;
  /** Held sessions the CCC did not attend (absent or with apologies). */
  didNotAttend: number;
  completed: number;
  /** Sessions whose release the PCN declined: the Alliance supervisor should talk to the PCN. */
  releaseDeclined: number;
  next: { id: string; title: string; startsAt: string } | null;
  /**
   * The CCC's own session to book next: the first not yet booked of the current month or later (none before the
   * programme starts being due, none once it ended). Group sessions are booked from the cohort.
   */
  toBook: { id: string; title: string; month: number } | null;
}

export interface AgendaItem {
  id: string;
  title: string;
  kind: SessionKind;
  status: DisplayStatus;
  startsAt: string;
  durationMinutes: number;
  mode: SessionMode;
  meetingLink: string | null;
  place: string | null;
  sharedByCohort: boolean;
  /** The CCCs attending (one for a per-CCC session). */
  cccs: PersonRef[];
  /** Set for per-CCC sessions, to open the timeline. */
  enrolmentId: string | null;
}

export interface CalendarFeedResponse {
  active: boolean;
  createdAt: string | null;
  /**
   * The private address, to its owner only, whenever the feed is on; absent when it is off, or for an address made
   * before addresses were kept (replacing it shows the new one).
   */
  url?: string;
}

export interface ReleaseRequestView {
  id: string;
  enrolmentId: string;
  kind: ReleaseKind;
  sessionId: string | null;
  /** What the time is for: the session's title, or the CCC's description. */
  description: string;
  /** YYYY-MM-DD, London */
  date: string;
  minutes: number;
  status: ReleaseStatus;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  decisionReason: string | null;
  overrideReason: string | null;
  viaLink: boolean;
  version: number;
}

export interface ReleaseRulesView {
  weeklyStudyMinutes: { min: number; max: number };
  /** A template without a cap sends null here (JSON has no Infinity). */
  totalReleaseMinutes: number;
  hoursPerDay: number;
}

export interface ReleaseSummary {
  enrolmentId: string;
  rules: ReleaseRulesView | null;
  requests: ReleaseRequestView[];
  /** The last 8 ISO weeks (London), oldest first. */
  weeks: StudyWeek[];
  confirmedReleaseMinutes: number;
  pendingCount: number;
}

/** The CCC logs protected study time or a training day. */
export interface LogReleaseRequest {
  kind: 'study' | 'training';
  date: string;
  minutes: number;
  description: string;
  /** One key per form: a double submit of the same form logs the time once. */
  requestKey?: string;
}

/** `POST /api/release-requests/:id/withdraw` (the CCC, while the PCN has not decided it). */
export interface WithdrawReleaseRequest {
  version: number;
}

export interface ConfirmReleaseRequest {
  version: number;
  /** Needed to confirm past the agreed cap. */
  overrideReason?: string;
}

export interface DeclineReleaseRequest {
  version: number;
  reason: string;
}

export interface ConfirmWeekRequest {
  /** ISO week, e.g. 2026-W48 */
  week: string;
  overrideReason?: string;
}

export interface AttestationView {
  expectationKey: string;
  attestedOn: string;
  attestedBy: PersonRef;
  note: string | null;
}

export interface ExpectationsResponse {
  enrolmentId: string;
  results: ExpectationResult[];
  attestations: AttestationView[];
  /** Attestations this caller may give now. */
  canAttest: string[];
}

export interface AttestRequest {
  expectationKey: string;
  /** YYYY-MM-DD */
  attestedOn: string;
  note?: string;
}

/** One Table 2 duty of the PCN or the Alliance to this CCC, attested on its own (#15 item 12). */
export interface DutyView {
  key: string;
  party: 'pcn' | 'alliance';
  title: string;
  /** YYYY-MM-DD from when it can be confirmed; null: from the start. */
  attestableFrom: string | null;
  attestation: { attestedOn: string; attestedBy: PersonRef; note: string | null } | null;
  /** This caller may confirm it now. */
  canAttest: boolean;
}

export interface DutiesResponse {
  enrolmentId: string;
  duties: DutyView[];
}

export interface AttestDutyRequest {
  /** YYYY-MM-DD */
  attestedOn: string;
  note?: string;
}

/** The PCN supervisor's one screen: per CCC, what awaits them. */
export interface PcnHomeRow {
  enrolment: EnrolmentSummary;
  /** The template's release rules (weekly band, cap), for the chart and the counter. */
  rules: ReleaseRulesView | null;
  slotsAwaiting: { id: string; title: string; startsAt: string; durationMinutes: number; version: number }[];
  releaseToConfirm: ReleaseRequestView[];
  /** Expectations to attest and (`duty`) Table 2 duties that can be confirmed now. */
  attestationsDue: { key: string; title: string; duty?: boolean }[];
  weeks: StudyWeek[];
  confirmedReleaseMinutes: number;
  totalReleaseMinutes: number | null;
  nextJoint: { id: string; title: string; startsAt: string; status: DisplayStatus } | null;
}

/** The audit trail's hash chain, checked end to end. */
/**
 * GET /api/audit/verify (an Alliance's administrators: their Alliance's entries) and /api/audit/verify/service (whoever
 * runs the service: all of them). Record `entries` and `head` outside the database: a later cut or rewrite shows.
 */
export interface AuditVerification {
  scope: 'alliance' | 'service';
  /** The whole trail holds: each entry links to the one before, and every signed checkpoint still matches it. */
  valid: boolean;
  /** Entries in scope (an Alliance's: those made by its people). */
  entries: number;
  /** The newest entry in scope; its hash vouches for every entry before it. */
  head: { chainSeq: number; hash: string } | null;
  /** The newest checkpoint signed with the audit key (for an Alliance: the first that covers its head). */
  lastCheckpoint: { chainSeq: number; hash: string; at: string } | null;
  /** The first break, and why; the entry is named only when it is in scope. */
  firstBroken: { chainSeq: number | null; id: string | null; reason: string } | null;
}

/** The answer to asking for a one-time link: who it was e-mailed to, and until when it works. */
export interface LinkIssued {
  sentTo: PersonRef;
  expiresAt: string;
}

/** What a one-time link's page shows: the one request behind it, nothing else of the record. */
export interface LinkView {
  purpose: 'release_request' | 'session_slot';
  forPerson: string;
  ccc: string;
  what: string;
  /** Release: the date and minutes. Session slot: the offered start and duration. */
  date: string | null;
  startsAt: string | null;
  minutes: number;
  status: string;
  expiresAt: string;
}

export interface LinkAnswerRequest {
  decision: 'confirm' | 'decline' | 'propose';
  reason?: string;
  overrideReason?: string;
  proposedStartsAt?: string;
}

/** One item of a person's in-app list: a reminder, also e-mailed unless they turned its kind off. */
export interface NotificationView {
  id: string;
  kind: ReminderKind;
  title: string;
  body: string;
  /** Where in the SPA to act on it. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsResponse {
  /** Newest first; the latest 50. */
  items: NotificationView[];
  unreadCount: number;
}

export interface NotificationPreferenceView {
  kind: ReminderKind;
  label: string;
  description: string;
  enabled: boolean;
}

export interface NotificationPreferencesResponse {
  preferences: NotificationPreferenceView[];
  /** 0 until the person first saves their choices. */
  version: number;
}

/** Kinds on or off (a kind left out keeps its setting), and the version read. */
export interface UpdateNotificationPreferencesRequest {
  enabled: Partial<Record<ReminderKind, boolean>>;
  version: number;
}

/** Rows a page of an administrator's list by default, and at most. */
export const LIST_PAGE_SIZE = 25;
export const MAX_LIST_PAGE_SIZE = 200;

/** `GET /api/people/page`: the people list a page at a time, with pending invitations, and how many match in all. */
export interface PeoplePage {
  items: PersonListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** `GET /api/enrolments/page`: the enrolments list a page at a time, and how many match in all. */
export interface EnrolmentsPage {
  items: EnrolmentSummary[];
  total: number;
  page: number;
  pageSize: number;
}
