import { describe, expect, it } from '@jest/globals';
import { ApiClientError, toApiClientError } from './api-client';
import { shouldRetry } from './query-client';

describe('toApiClientError', () => {
  it('keeps the status, message and field errors of a 400', () => {
    const error = toApiClientError(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request is not valid',
      errors: [{ field: 'email', reason: 'must be an email' }, { field: 7 }],
    });
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error.status).toBe(400);
    expect(error.error).toBe('Bad Request');
    expect(error.message).toBe('The request is not valid');
    // The validator's words are kept for a form that names the field itself; the reason is fit to show.
    expect(error.fieldErrors).toEqual([
      {
        field: 'email',
        reason: 'Enter email in the correct format, like name@example.com',
        rawReason: 'must be an email',
      },
    ]);
  });

  it('joins an array of messages', () => {
    expect(toApiClientError(400, { message: ['email must be an email', 'password is empty'] }).message).toBe(
      'email must be an email. password is empty',
    );
  });

  it('says something useful when the body is missing or not JSON', () => {
    expect(toApiClientError(404, undefined).message).toBe('This page or record could not be found.');
    expect(toApiClientError(502, 'Bad gateway').message).toMatch(/problem with the service/);
    expect(toApiClientError(403, { message: '' }).message).toBe('You do not have permission to see this.');
  });
});

describe('shouldRetry', () => {
  it('does not retry answers that would be the same again', () => {
    for (const status of [400, 401, 403, 404, 409]) {
      expect(shouldRetry(0, new ApiClientError(status, 'no'))).toBe(false);
    }
  });

  it('retries network failures and server errors, twice at most', () => {
    expect(shouldRetry(0, new ApiClientError(0, 'offline'))).toBe(true);
    expect(shouldRetry(1, new ApiClientError(503, 'busy'))).toBe(true);
    expect(shouldRetry(2, new ApiClientError(503, 'busy'))).toBe(false);
  });
});
