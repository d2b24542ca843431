/** The administration forms' pure parts: what each form checks before it is sent, and the request it sends. */
import type {
  CreateCohortRequest,
  CreateEnrolmentRequest,
  InvitableRole,
  InvitePersonRequest,
  Role,
} from '@ccc/contracts';
import type { Track } from '@ccc/programme';
import { dateProblem } from '../../../utils/date-parts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type Errors<K extends string> = Partial<Record<K, string>>;

// ---- Create a cohort ----

export interface CohortValues {
  name: string;
  templateId: string;
  startDate: string;
  supervisorIds: string[];
}

export const EMPTY_COHORT: CohortValues = { name: '', templateId: '', startDate: '', supervisorIds: [] };

export const cohortFieldIds = {
  name: 'cohort-name',
  templateId: 'cohort-template',
  startDate: 'cohort-start',
  supervisorIds: 'cohort-supervisors',
} as const;
export type CohortField = keyof typeof cohortFieldIds;

export function validateCohort(values: CohortValues): Errors<CohortField> {
  const errors: Errors<CohortField> = {};
  const name = values.name.trim();
  if (name.length < 2) errors.name = 'Enter a name for the cohort, for example Wessex CCC cohort, April 2027';
  else if (name.length > 200) errors.name = 'The name must be 200 characters or fewer';
  if (!values.templateId) errors.templateId = 'Select the programme template version the cohort follows';
  if (!values.startDate) errors.startDate = 'Enter the date month 1 starts';
  else if (!isCalendarDate(values.startDate)) errors.startDate = 'The start date must be a real date';
  return errors;
}

export function toCreateCohortRequest(values: CohortValues): CreateCohortRequest {
  return {
    name: values.name.trim(),
    templateId: values.templateId,
    startDate: values.startDate,
    supervisorIds: values.supervisorIds,
  };
}

/** The API's field names on the form's own. */
export function cohortFieldFor(field: string): CohortField | null {
  return field in cohortFieldIds ? (field as CohortField) : field.startsWith('supervisorIds') ? 'supervisorIds' : null;
}

// ---- Enrol a CCC ----

export interface EnrolValues {
  cccId: string;
  pcnId: string;
  pcnSupervisorId: string;
  allianceSupervisorId: string;
  track: Track | '';
  employmentStart: string;
}

export const EMPTY_ENROL: EnrolValues = {
  cccId: '',
  pcnId: '',
  pcnSupervisorId: '',
  allianceSupervisorId: '',
  track: '',
  employmentStart: '',
};

export const enrolFieldIds = {
  cccId: 'enrol-ccc',
  pcnId: 'enrol-pcn',
  pcnSupervisorId: 'enrol-pcn-supervisor',
  allianceSupervisorId: 'enrol-alliance-supervisor',
  track: 'enrol-track',
  employmentStart: 'enrol-employment-start',
} as const;
export type EnrolField = keyof typeof enrolFieldIds;

export function validateEnrol(values: EnrolValues): Errors<EnrolField> {
  const errors: Errors<EnrolField> = {};
  if (!values.cccId) errors.cccId = 'Select the Cancer Care Coordinator to enrol';
  if (!values.pcnId) errors.pcnId = 'Select the PCN that employs the CCC';
  if (!values.track) errors.track = 'Select the track: supervision and training, or training only';
  if (!values.employmentStart) errors.employmentStart = 'Enter the date the CCC started in post';
  else if (!isCalendarDate(values.employmentStart))
    errors.employmentStart =
      dateProblem(values.employmentStart, 'Date they started in post') ??
      'Date they started in post must be a real date';
  return errors;
}

export function toEnrolRequest(values: EnrolValues): CreateEnrolmentRequest | null {
  if (!values.track) return null;
  return {
    cccId: values.cccId,
    pcnId: values.pcnId,
    pcnSupervisorId: values.pcnSupervisorId || undefined,
    allianceSupervisorId: values.allianceSupervisorId || undefined,
    track: values.track,
    employmentStart: values.employmentStart,
  };
}

/**
 * The eligibility refusal comes back on `track` (it is the track the CCC cannot join): it stays there, so the error
 * summary shows the API's reason and links to the choice that would change it.
 */
export function enrolFieldFor(field: string): EnrolField | null {
  return field in enrolFieldIds ? (field as EnrolField) : null;
}

// ---- Invite a person ----

export interface InviteValues {
  fullName: string;
  email: string;
  role: InvitableRole | '';
  organisationId: string;
}

export const EMPTY_INVITE: InviteValues = { fullName: '', email: '', role: '', organisationId: '' };

export const inviteFieldIds = {
  fullName: 'invite-name',
  email: 'invite-email',
  role: 'invite-role',
  organisationId: 'invite-organisation',
} as const;
export type InviteField = keyof typeof inviteFieldIds;

/** Admins and Alliance supervisors belong to the Alliance; PCN supervisors and CCCs to a PCN. */
export function organisationKindFor(role: Role | ''): 'alliance' | 'pcn' | null {
  if (role === 'admin' || role === 'alliance_supervisor') return 'alliance';
  if (role === 'pcn_supervisor' || role === 'ccc') return 'pcn';
  return null;
}

export function validateInvite(values: InviteValues): Errors<InviteField> {
  const errors: Errors<InviteField> = {};
  if (!values.fullName.trim()) errors.fullName = 'Enter the person’s full name';
  const email = values.email.trim();
  if (!email) errors.email = 'Enter the person’s email address';
  else if (!EMAIL.test(email)) errors.email = 'Enter an email address in the correct format, like name@example.org';
  if (!values.role) errors.role = 'Select the person’s role';
  if (!values.organisationId) {
    errors.organisationId =
      organisationKindFor(values.role) === 'pcn' ? 'Select the person’s PCN' : 'Select the person’s organisation';
  }
  return errors;
}

export function toInviteRequest(values: InviteValues): InvitePersonRequest | null {
  if (!values.role) return null;
  return {
    fullName: values.fullName.trim(),
    email: values.email.trim(),
    role: values.role,
    organisationId: values.organisationId,
  };
}

export function inviteFieldFor(field: string): InviteField | null {
  return field in inviteFieldIds ? (field as InviteField) : null;
}

// ---- Set a password from an invitation ----

export const MIN_PASSWORD = 12;

export function validateNewPassword(password: string, confirm: string): Errors<'password' | 'confirm'> {
  const errors: Errors<'password' | 'confirm'> = {};
  if (!password) errors.password = 'Enter a password';
  else if (password.length < MIN_PASSWORD) errors.password = `The password must be ${MIN_PASSWORD} characters or more`;
  if (!errors.password && confirm !== password) errors.confirm = 'The passwords do not match';
  return errors;
}

// ---- Withdraw an enrolment ----

export function validateWithdrawReason(reason: string): string | null {
  if (!reason.trim()) return 'Enter why the CCC is leaving the programme';
  if (reason.length > 2000) return 'The reason must be 2000 characters or fewer';
  return null;
}
