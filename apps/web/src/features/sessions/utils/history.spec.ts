import { describe, expect, it } from '@jest/globals';
import { historyActionLabel, historyStatusChange } from './history';

describe('session history in words', () => {
  it('names the actions the API records, and makes unknown ones readable', () => {
    expect(historyActionLabel({ action: 'book', from: 'planned', to: 'scheduled' })).toBe('Booked');
    expect(historyActionLabel({ action: 'session.propose_slot', from: null, to: null })).toBe('Proposed another time');
    expect(historyActionLabel({ action: 'attendance_corrected', from: null, to: null })).toBe('Attendance corrected');
  });

  it('says how the status changed', () => {
    expect(historyStatusChange({ from: 'planned', to: 'awaiting_pcn' })).toBe(
      'Not booked yet to Waiting for the PCN supervisor',
    );
    expect(historyStatusChange({ from: 'scheduled', to: 'scheduled' })).toBeNull();
    expect(historyStatusChange({ from: null, to: 'planned' })).toBe('Not booked yet');
  });
});
