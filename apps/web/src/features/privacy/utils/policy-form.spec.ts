import { describe, expect, it } from '@jest/globals';
import { EMPTY_POLICY, policyFieldFor, policyValues, toPolicyRequest, validatePolicy } from './policy-form';

const filled = { ...EMPTY_POLICY, retentionYears: '6' };

describe('the policy form', () => {
  it('asks for a whole number of years from 1 to 30', () => {
    expect(Object.keys(validatePolicy(EMPTY_POLICY))).toEqual(['retentionYears']);
    for (const bad of ['0', '31', '6.5', '-1', 'six'])
      expect(validatePolicy({ ...filled, retentionYears: bad }).retentionYears).toMatch(/from 1 to 30/);
    expect(validatePolicy({ ...filled, retentionYears: ' 30 ' })).toEqual({});
  });

  it('checks an e-mail address only when one is given', () => {
    expect(validatePolicy({ ...filled, contactEmail: 'not an address' }).contactEmail).toMatch(/correct format/);
    expect(validatePolicy({ ...filled, contactEmail: ' ig@example.nhs.uk ' })).toEqual({});
  });

  it('sends blank fields as null, trimmed text and the version read', () => {
    expect(toPolicyRequest({ ...filled, controllerName: ' Trust ', noticeText: '  ' }, 3)).toEqual({
      retentionYears: 6,
      controllerName: 'Trust',
      contactEmail: null,
      contactAddress: null,
      noticeText: null,
      version: 3,
    });
  });

  it('fills the form from the policy, and maps the API’s fields back', () => {
    expect(
      policyValues({
        allianceId: 'a',
        allianceName: 'A',
        retentionYears: 8,
        controllerName: null,
        contactEmail: 'x@y.uk',
        contactAddress: null,
        noticeText: null,
        updatedAt: null,
        version: 0,
      }),
    ).toEqual({ ...EMPTY_POLICY, retentionYears: '8', contactEmail: 'x@y.uk' });
    expect(policyFieldFor('contactEmail')).toBe('contactEmail');
    expect(policyFieldFor('version')).toBeNull();
  });
});
