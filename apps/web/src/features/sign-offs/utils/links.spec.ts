import { describe, expect, it } from '@jest/globals';
import { signOffPath, waitedText } from './links';

describe('signOffPath', () => {
  it('links each kind of record to its page', () => {
    expect(signOffPath({ record: 'competency', enrolmentId: 'e1', code: 'SN-01' })).toBe(
      '/enrolments/e1/competencies/SN-01',
    );
    expect(signOffPath({ record: 'tna', enrolmentId: 'e1', round: 2 })).toBe('/enrolments/e1/tna');
    expect(signOffPath({ record: 'handover', enrolmentId: 'e1' })).toBe('/enrolments/e1/handover');
    expect(signOffPath({ record: 'release', enrolmentId: 'e1' })).toBe('/enrolments/e1/release');
    expect(signOffPath({ record: 'session', enrolmentId: 'e1', sessionId: 's 1' })).toBe('/sessions/s%201');
  });
});

describe('waitedText', () => {
  it('says how long in days', () => {
    expect(waitedText(0)).toBe('today');
    expect(waitedText(1)).toBe('1 day');
    expect(waitedText(12)).toBe('12 days');
  });
});
