import { describe, expect, it } from '@jest/globals';
import type { ReleaseRequestView } from '@ccc/contracts';
import { decisionText, requestName } from './labels';

const base: ReleaseRequestView = {
  id: 'r1',
  enrolmentId: 'e1',
  kind: 'study',
  sessionId: null,
  description: 'e-LfH ACCEND module',
  date: '2026-11-25',
  minutes: 60,
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  overrideReason: null,
  viaLink: false,
  version: 1,
};

describe('release labels', () => {
  it('says nothing of a decision while pending', () => {
    expect(decisionText(base)).toBeNull();
  });

  it('says who confirmed, when and how', () => {
    const confirmed = {
      ...base,
      status: 'confirmed' as const,
      decidedBy: { id: 'p1', fullName: 'Priya Nair' },
      decidedAt: '2026-11-25T14:12:35.411Z',
      viaLink: true,
    };
    expect(decisionText(confirmed)).toBe('Confirmed by Priya Nair on 25 November 2026, by e-mailed link');
  });

  it('gives the reason for a decline', () => {
    const declined = {
      ...base,
      status: 'declined' as const,
      decidedBy: { id: 'p1', fullName: 'Priya Nair' },
      decidedAt: '2026-11-26T09:00:00.000Z',
      decisionReason: 'Clinic cover that day',
    };
    expect(decisionText(declined)).toBe('Declined by Priya Nair on 26 November 2026: Clinic cover that day');
  });

  it('says why a request was cancelled when its CCC was withdrawn', () => {
    const withdrawn = {
      ...base,
      status: 'withdrawn' as const,
      decidedAt: '2026-11-27T09:00:00.000Z',
      decisionReason: 'Cancelled: the CCC was withdrawn from the programme',
    };
    expect(decisionText(withdrawn)).toBe(
      'Withdrawn on 27 November 2026: Cancelled: the CCC was withdrawn from the programme',
    );
  });

  it('names a request for a button', () => {
    expect(requestName(base)).toBe('e-LfH ACCEND module, 25 November 2026');
  });
});
