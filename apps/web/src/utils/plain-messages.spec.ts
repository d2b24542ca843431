import { describe, expect, it } from '@jest/globals';
import { plainReason, readableDates } from './plain-messages';

describe('plainReason', () => {
  it('puts the generic checks’ reasons in plain English, never the validator’s words', () => {
    expect(plainReason('notes', 'notes must be shorter than or equal to 20000 characters', 'the notes')).toBe(
      'The notes must be 20,000 characters or fewer',
    );
    expect(plainReason('minutes', 'minutes must not be greater than 720')).toBe('Minutes must be 720 or fewer');
    expect(plainReason('durationMinutes', 'durationMinutes must be an integer number')).toBe(
      'Duration minutes must be a whole number',
    );
    expect(plainReason('startsAt', 'startsAt must be a valid ISO 8601 date string', 'the date')).toBe(
      'The date must be a real date',
    );
    expect(plainReason('items.0.note', 'each value in note should not be empty')).toBe('Enter note');
    expect(plainReason('cccId', 'cccId must be a UUID', 'the CCC')).toBe('Select the CCC from the list');
  });

  it('keeps the API’s own plain reasons, with their dates written as people read them', () => {
    expect(plainReason('attestedOn', 'The date must be on or after 2027-04-06')).toBe(
      'The date must be on or after 6 April 2027',
    );
    expect(plainReason('reason', 'Enter the reason')).toBe('Enter the reason');
  });
});

describe('readableDates', () => {
  it('writes dates and instants the NHS way', () => {
    expect(readableDates('Booked for 2027-04-06T13:00:00.000Z, from 2027-04-01')).toBe(
      'Booked for Tuesday 6 April 2027, 14:00, from 1 April 2027',
    );
  });
});
