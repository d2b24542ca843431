import { describe, expect, it } from '@jest/globals';
import { NO_ACTION_ERROR } from './action-error';
import { reasonError, reasonSummary } from './use-reason-form';

describe('reasonError', () => {
  it('shows the form’s own check only once a submit has failed it', () => {
    expect(reasonError(NO_ACTION_ERROR, 'Enter a reason', false)).toBeUndefined();
    expect(reasonError(NO_ACTION_ERROR, 'Enter a reason', true)).toBe('Enter a reason');
    expect(reasonError(NO_ACTION_ERROR, null, true)).toBeUndefined();
  });

  it('puts the API’s error about the reason first', () => {
    const server = { ...NO_ACTION_ERROR, fields: { reason: 'Must be shorter' } };
    expect(reasonError(server, null, false)).toBe('Must be shorter');
    expect(reasonError(server, 'Enter a reason', true)).toBe('Must be shorter');
  });
});

describe('reasonSummary', () => {
  it('lists the API’s general errors, then the reason’s error linked to its field', () => {
    const server = { ...NO_ACTION_ERROR, general: ['Version must be a number'] };
    expect(reasonSummary(server, 'Enter a reason', 'withdraw-reason')).toEqual([
      { message: 'Version must be a number' },
      { message: 'Enter a reason', fieldId: 'withdraw-reason' },
    ]);
  });

  it('is empty when nothing is wrong', () => {
    expect(reasonSummary(NO_ACTION_ERROR, undefined, 'withdraw-reason')).toEqual([]);
  });
});
