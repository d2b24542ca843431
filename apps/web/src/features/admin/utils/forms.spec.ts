import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_COHORT,
  EMPTY_ENROL,
  EMPTY_INVITE,
  cohortFieldFor,
  enrolFieldFor,
  organisationKindFor,
  toCreateCohortRequest,
  toEnrolRequest,
  validateCohort,
  validateEnrol,
  validateInvite,
  validateNewPassword,
  validateWithdrawReason,
} from './forms';

describe('the create-cohort form', () => {
  it('asks for a name, a template version and a real start date', () => {
    expect(Object.keys(validateCohort(EMPTY_COHORT)).sort()).toEqual(['name', 'startDate', 'templateId']);
    expect(validateCohort({ ...EMPTY_COHORT, name: 'A cohort', templateId: 't', startDate: '2027-02-30' })).toEqual({
      startDate: 'The start date must be a real date',
    });
    expect(validateCohort({ name: 'A cohort', templateId: 't', startDate: '2027-04-01', supervisorIds: [] })).toEqual(
      {},
    );
  });

  it('trims the name and maps the API’s fields back', () => {
    expect(
      toCreateCohortRequest({ name: '  April  ', templateId: 't', startDate: '2027-04-01', supervisorIds: ['s'] }),
    ).toEqual({ name: 'April', templateId: 't', startDate: '2027-04-01', supervisorIds: ['s'] });
    expect(cohortFieldFor('supervisorIds.0')).toBe('supervisorIds');
    expect(cohortFieldFor('version')).toBeNull();
  });
});

describe('the enrol form', () => {
  it('needs the CCC, PCN, track and employment start; supervisors are optional', () => {
    expect(Object.keys(validateEnrol(EMPTY_ENROL)).sort()).toEqual(['cccId', 'employmentStart', 'pcnId', 'track']);
    const values = {
      ...EMPTY_ENROL,
      cccId: 'c',
      pcnId: 'p',
      track: 'training' as const,
      employmentStart: '2026-01-05',
    };
    expect(validateEnrol(values)).toEqual({});
    expect(toEnrolRequest(values)).toEqual({
      cccId: 'c',
      pcnId: 'p',
      pcnSupervisorId: undefined,
      allianceSupervisorId: undefined,
      track: 'training',
      employmentStart: '2026-01-05',
    });
  });

  it('keeps the eligibility refusal on the track', () => {
    expect(enrolFieldFor('track')).toBe('track');
    expect(enrolFieldFor('cohortId')).toBeNull();
  });
});

describe('the invite form', () => {
  it('checks the email and names the organisation by the role', () => {
    expect(validateInvite({ ...EMPTY_INVITE, fullName: 'Ann', email: 'ann', role: 'ccc' })).toEqual({
      email: 'Enter an email address in the correct format, like name@example.org',
      organisationId: 'Select the person’s PCN',
    });
    expect(organisationKindFor('alliance_supervisor')).toBe('alliance');
    expect(organisationKindFor('pcn_supervisor')).toBe('pcn');
    expect(organisationKindFor('')).toBeNull();
  });
});

describe('setting a password and withdrawing', () => {
  it('wants 12 characters typed twice the same', () => {
    expect(validateNewPassword('short', 'short')).toEqual({ password: 'The password must be 12 characters or more' });
    expect(validateNewPassword('long-enough-pw', 'long-enough-px')).toEqual({ confirm: 'The passwords do not match' });
    expect(validateNewPassword('long-enough-pw', 'long-enough-pw')).toEqual({});
  });

  it('wants a reason to withdraw', () => {
    expect(validateWithdrawReason('  ')).toBe('Enter why the CCC is leaving the programme');
    expect(validateWithdrawReason('Moved to another post')).toBeNull();
  });
});
