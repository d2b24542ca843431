import type {
  ParticipantRole,
  ProgrammeTemplate,
  SessionKind,
  SessionMode,
  SessionStatus,
  Track,
} from '@ccc/programme';
import type { Role } from './roles';

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
  /** 1-based month of the programme today, or null before the start / after the end. */
  currentMonth: number | null;
  version: number;
}

export interface TimelineParticipant {
  role: ParticipantRole;
  person: PersonRef | null;
}

export interface TimelineSession {
  id: string;
  planItemKey: string;
  kind: SessionKind;
  title: string;
  purpose: string;
  status: SessionStatus;
  /** ISO instant, when booked */
  startsAt: string | null;
  durationMinutes: number | null;
  durationRange: { min: number; max: number };
  mode: SessionMode;
  /** One meeting for the cohort (group supervision, group teaching, conference). */
  sharedByCohort: boolean;
  participants: TimelineParticipant[];
  version: number;
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
}

export interface TimelineResponse {
  enrolment: EnrolmentSummary;
  template: { id: string; name: string; version: number };
  /** YYYY-MM-DD in Europe/London */
  today: string;
  months: TimelineMonth[];
  selfDirectedCourses: { key: string; title: string }[];
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
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  errors?: { field: string; reason: string }[];
}
