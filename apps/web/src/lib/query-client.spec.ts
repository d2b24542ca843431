import { describe, expect, it } from '@jest/globals';
import { ApiClientError } from './api-client';
import { isUnreachable } from './connection';
import { retryDelay, shouldRetry } from './query-client';

describe('retrying through a restart of the API', () => {
  it('tries a request that got no answer four more times', () => {
    const offline = new ApiClientError(0, 'The service could not be reached.');
    expect([0, 1, 2, 3].map((count) => shouldRetry(count, offline))).toEqual([true, true, true, true]);
    expect(shouldRetry(4, offline)).toBe(false);
  });

  it('tries a server error twice, and an answer that would be the same again never', () => {
    expect(shouldRetry(1, new ApiClientError(500, 'boom'))).toBe(true);
    expect(shouldRetry(2, new ApiClientError(500, 'boom'))).toBe(false);
    expect(shouldRetry(0, new ApiClientError(404, 'gone'))).toBe(false);
  });

  it('waits longer between tries, up to 8 seconds', () => {
    expect([1, 2, 3, 4, 5].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});

describe('isUnreachable', () => {
  it('is a request with no answer, or a gateway that could not reach the API', () => {
    expect(isUnreachable(new ApiClientError(0, 'offline'))).toBe(true);
    expect(isUnreachable(new ApiClientError(502, 'bad gateway'))).toBe(true);
    expect(isUnreachable(new ApiClientError(504, 'gateway timeout'))).toBe(true);
  });

  it('is not an answer saying no', () => {
    expect(isUnreachable(new ApiClientError(500, 'boom'))).toBe(false);
    expect(isUnreachable(new ApiClientError(401, 'signed out'))).toBe(false);
    expect(isUnreachable(new Error('something else'))).toBe(false);
  });
});
