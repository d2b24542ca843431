import { AuditCheckpoint } from '../audit/audit-checkpoint.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { CalendarFeed } from '../calendar/calendar-feed.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { CompetencyEvidence } from '../competencies/competency-evidence.entity';
import { CompetencyFrameworkVersion } from '../competencies/competency-framework.entity';
import { CompetencyProgress } from '../competencies/competency-progress.entity';
import { CompetencyReview } from '../competencies/competency-review.entity';
import { EvidenceFile } from '../competencies/evidence-file.entity';
import { Tna, TnaRating } from '../competencies/tna.entity';
import { TrainingPlanItem } from '../competencies/training-plan-item.entity';
import { TrainingProposalDecision } from '../competencies/training-proposal-decision.entity';
import { Draft } from '../drafts/draft.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Attestation } from '../expectations/attestation.entity';
import { EnrolmentAmendment } from '../month-six/enrolment-amendment.entity';
import { EvaluationResponse } from '../month-six/evaluation-response.entity';
import { HandoverInterview } from '../month-six/handover-interview.entity';
import { OutcomeCount } from '../month-six/outcome-count.entity';
import { ActionLink } from '../links/action-link.entity';
import { OutboxMessage } from '../links/outbox-message.entity';
import { NotificationPreference } from '../notifications/notification-preference.entity';
import { Notification } from '../notifications/notification.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';
import { RoleAssignment } from '../people/role-assignment.entity';
import { RoleOffer } from '../people/role-offer.entity';
import { WorkforceAttendee } from '../sessions/workforce-attendee.entity';
import { AlliancePolicy } from '../privacy/alliance-policy.entity';
import { SsoIdentity } from '../auth/oidc/sso-identity.entity';
import { SsoProvider } from '../auth/oidc/sso-provider.entity';
import { SsoRequiredPerson } from '../auth/oidc/sso-required-person.entity';
import { ProgrammeTemplateVersion } from '../programmes/programme-template.entity';
import { ReleaseRequest } from '../release-time/release-request.entity';
import { AgreedActionEntity } from '../sessions/agreed-action.entity';
import { SessionAttendance } from '../sessions/session-attendance.entity';
import { Session } from '../sessions/session.entity';

/** Listed explicitly: a glob finds nothing once the API is compiled. */
export const ENTITIES = [
  Organisation,
  Person,
  RoleAssignment,
  RoleOffer,
  WorkforceAttendee,
  AuthSession,
  RefreshToken,
  ProgrammeTemplateVersion,
  Cohort,
  Enrolment,
  Session,
  SessionAttendance,
  AgreedActionEntity,
  CalendarFeed,
  ReleaseRequest,
  Attestation,
  ActionLink,
  OutboxMessage,
  Notification,
  NotificationPreference,
  AuditEntry,
  AuditCheckpoint,
  CompetencyFrameworkVersion,
  CompetencyProgress,
  EvidenceFile,
  CompetencyEvidence,
  CompetencyReview,
  Tna,
  TnaRating,
  TrainingPlanItem,
  TrainingProposalDecision,
  Draft,
  HandoverInterview,
  EvaluationResponse,
  OutcomeCount,
  EnrolmentAmendment,
  AlliancePolicy,
  SsoProvider,
  SsoIdentity,
  SsoRequiredPerson,
];
