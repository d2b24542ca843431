/** The policy form's pure parts: its values, what it checks before sending, and the request it sends. */
import type { AlliancePolicyView, UpdateAlliancePolicyRequest } from '@ccc/contracts';
import { MAX_NOTICE_TEXT, MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '@ccc/programme';
import type { Errors } from '../../admin';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PolicyValues {
  retentionYears: string;
  controllerName: string;
  contactEmail: string;
  contactAddress: string;
  noticeText: string;
}

export const policyFieldIds = {
  retentionYears: 'policy-retention-years',
  controllerName: 'policy-controller-name',
  contactEmail: 'policy-contact-email',
  contactAddress: 'policy-contact-address',
  noticeText: 'policy-notice-text',
} as const;
export type PolicyField = keyof typeof policyFieldIds;

export const EMPTY_POLICY: PolicyValues = {
  retentionYears: '',
  controllerName: '',
  contactEmail: '',
  contactAddress: '',
  noticeText: '',
};

export function policyValues(view: AlliancePolicyView): PolicyValues {
  return {
    retentionYears: String(view.retentionYears),
    controllerName: view.controllerName ?? '',
    contactEmail: view.contactEmail ?? '',
    contactAddress: view.contactAddress ?? '',
    noticeText: view.noticeText ?? '',
  };
}

export function validatePolicy(values: PolicyValues): Errors<PolicyField> {
  const errors: Errors<PolicyField> = {};
  const years = values.retentionYears.trim();
  if (!years) errors.retentionYears = 'Enter how many years records are kept after an enrolment ends';
  else if (!/^\d+$/.test(years) || Number(years) < MIN_RETENTION_YEARS || Number(years) > MAX_RETENTION_YEARS)
    errors.retentionYears = `The retention period must be a whole number of years from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}`;
  if (values.controllerName.trim().length > 300) errors.controllerName = 'The name must be 300 characters or fewer';
  const email = values.contactEmail.trim();
  if (email && !EMAIL.test(email))
    errors.contactEmail = 'Enter an email address in the correct format, like ig@example.nhs.uk';
  if (values.contactAddress.trim().length > 1000)
    errors.contactAddress = 'The address must be 1000 characters or fewer';
  if (values.noticeText.trim().length > MAX_NOTICE_TEXT)
    errors.noticeText = `The text must be ${MAX_NOTICE_TEXT} characters or fewer`;
  return errors;
}

/** Blank fields are sent as null: "not set", so the notice uses its fallback wording. */
export function toPolicyRequest(values: PolicyValues, version: number): UpdateAlliancePolicyRequest {
  const text = (value: string) => value.trim() || null;
  return {
    retentionYears: Number(values.retentionYears.trim()),
    controllerName: text(values.controllerName),
    contactEmail: text(values.contactEmail),
    contactAddress: text(values.contactAddress),
    noticeText: text(values.noticeText),
    version,
  };
}

export function policyFieldFor(field: string): PolicyField | null {
  return field in policyFieldIds ? (field as PolicyField) : null;
}
