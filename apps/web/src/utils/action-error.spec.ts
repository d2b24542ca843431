import { describe, expect, it } from '@jest/globals';
import { ApiClientError, toApiClientError } from '../lib/api-client';
import { readActionError } from './action-error';

const fieldFor = (field: string) => (field === 'reason' ? 'reason' : null);

describe('readActionError', () => {
  it('tells a stale version from a clash', () => {
    expect(readActionError(new ApiClientError(409, 'Changed by someone else'), fieldFor).stale).toBe(
      'Changed by someone else',
    );
    const conflict = {
      sessionId: 's2',
      title: 'Group supervision',
      startsAt: '2026-12-01T14:00:00Z',
      durationMinutes: 60,
    };
    const state = readActionError(new ApiClientError(409, 'Clash', '', [], conflict), fieldFor);
    expect(state.stale).toBeNull();
    expect(state.conflict).toEqual(conflict);
  });

  it('puts field errors on fields and keeps the rest general', () => {
    const error = new ApiClientError(400, 'Invalid', 'Bad Request', [
      { field: 'reason', reason: 'must not be empty' },
      { field: 'version', reason: 'must be a number' },
    ]);
    expect(readActionError(error, fieldFor)).toEqual({
      fields: { reason: 'Must not be empty' },
      general: ['Version must be a number'],
      conflict: null,
      stale: null,
    });
  });

  it('puts the validator’s words in plain English, naming the field as the form does', () => {
    const error = toApiClientError(400, {
      statusCode: 400,
      message: 'Validation failed',
      errors: [{ field: 'notes', reason: 'notes must be shorter than or equal to 20000 characters' }],
    });
    expect(readActionError(error, (field) => field, { notes: 'the notes' }).fields).toEqual({
      notes: 'The notes must be 20,000 characters or fewer',
    });
    expect(readActionError(error, () => null).general).toEqual(['Notes must be 20,000 characters or fewer']);
  });

  it('shows any other failure as one message', () => {
    expect(readActionError(new ApiClientError(403, 'Only the PCN supervisor can accept'), fieldFor).general).toEqual([
      'Only the PCN supervisor can accept',
    ]);
  });
});
