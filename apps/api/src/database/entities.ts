import { AuditEntry } from '../audit/audit-entry.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { CalendarFeed } from '../calendar/calendar-feed.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Attestation } from '../expectations/attestation.entity';
import { ActionLink } from '../links/action-link.entity';
import { OutboxMessage } from '../links/outbox-message.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Person } from '../people/person.entity';
import { RoleAssignment } from '../people/role-assignment.entity';
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
  AuditEntry,
];
