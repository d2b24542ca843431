import { describe, expect, it } from '@jest/globals';
import { mapServerFieldErrors, validateSignIn } from './validate-sign-in';

describe('validateSignIn', () => {
  it('accepts a complete form', () => {
    expect(validateSignIn({ email: ' ccc@example.org ', password: 'x' })).toEqual({});
  });

  it('asks for each missing field', () => {
    expect(validateSignIn({ email: '', password: '' })).toEqual({
      email: 'Enter your email address',
      password: 'Enter your password',
    });
  });

  it('explains an email address without an @', () => {
    expect(validateSignIn({ email: 'sam.taylor', password: 'secret' }).email).toMatch(/correct format/);
  });
});

describe('mapServerFieldErrors', () => {
  it('puts known fields on the form and keeps the rest apart', () => {
    expect(
      mapServerFieldErrors([
        { field: 'email', reason: 'must be an email' },
        { field: 'email', reason: 'second reason is dropped' },
        { field: 'remember', reason: 'unknown property' },
      ]),
    ).toEqual({ fields: { email: 'Must be an email' }, other: ['Unknown property'] });
  });
});
